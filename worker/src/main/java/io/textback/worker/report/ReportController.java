package io.textback.worker.report;

import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.web.RequestDates;
import io.textback.worker.web.RequestRejectedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports: the funnel (JSON or CSV), week by week, and the recent journeys, per business. */
@RestController
public class ReportController {
  static final int MAX_DAYS = 366;
  private final FunnelReports reports;
  private final BusinessDirectory businesses;
  private final Clock clock;
  private final io.textback.worker.security.BusinessAccess access;

  public ReportController(FunnelReports reports, BusinessDirectory businesses, Clock clock,
      io.textback.worker.security.BusinessAccess access) {
    this.access = access;
    this.reports = reports;
    this.businesses = businesses;
    this.clock = clock;
  }

  /** {@code from} and {@code to} are dates in the business's zone, both included; the last 30 days by default. */
  @GetMapping(path = "/api/reports/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
  public FunnelReport funnel(@RequestParam String business, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Business b = businesses.requireForRequest(business);
    LocalDate end = RequestDates.day("to", to, LocalDate.now(clock.withZone(b.hours().zone())));
    LocalDate start = RequestDates.day("from", from, end.minusDays(29));
    if (start.isAfter(end)) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "from (" + start + ") is after to (" + end + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the period is longer than " + MAX_DAYS + " days");
    }
    return reports.funnel(b.id(), b.hours().zone(), start, end);
  }

  @GetMapping("/api/reports/funnel.csv")
  public ResponseEntity<String> funnelCsv(@RequestParam String business, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    FunnelReport report = funnel(business, from, to);
    String name = "funnel-%s-%s-%s.csv".formatted(report.business(), report.from(), report.to());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .contentType(new MediaType("text", "csv"))
        .body(FunnelCsv.of(report));
  }

  @GetMapping("/api/reports/weekly")
  public List<FunnelReports.Week> weekly(@RequestParam String business, @RequestParam(defaultValue = "8") int weeks) {
    Business b = businesses.requireForRequest(business);
    if (weeks < 1 || weeks > 104) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "weeks must be between 1 and 104");
    }
    return reports.weekly(b.id(), b.hours().zone(), LocalDate.now(clock.withZone(b.hours().zone())), weeks);
  }

  @GetMapping("/api/journeys")
  public List<FunnelReports.JourneyView> journeys(@RequestParam String business,
      @RequestParam(defaultValue = "50") int limit) {
    Business b = businesses.requireForRequest(business);
    if (limit < 1 || limit > 500) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
    }
    return reports.recent(b, limit);
  }

  @GetMapping("/api/businesses")
  public List<Map<String, String>> businesses() {
    // source: configuration (the businesses file) or console (added through /api/businesses)
    return access.visible(businesses.all()).stream()
        .map(b -> Map.of("id", b.id(), "name", b.name(), "timeZone", b.hours().zone().getId(),
        "crm", b.crm(), "source", businesses.isConfigured(b.id()) ? "configuration" : "console"))
        .toList();
  }
}
