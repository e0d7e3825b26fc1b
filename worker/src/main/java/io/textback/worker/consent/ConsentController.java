package io.textback.worker.consent;

import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.web.RequestDates;
import io.textback.worker.web.RequestRejectedException;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/consent.csv?business=…[&from=2026-11-01&to=2026-11-30]}: every consent record of
 * the business (what gave consent to text each lead, and when), for an A2P campaign review or a
 * complaint. Days are the business's own; without them, everything kept.
 */
@RestController
public class ConsentController {
  private final ConsentEvidence evidence;
  private final BusinessDirectory businesses;

  public ConsentController(ConsentEvidence evidence, BusinessDirectory businesses) {
    this.evidence = evidence;
    this.businesses = businesses;
  }

  @GetMapping("/api/consent.csv")
  public ResponseEntity<String> export(@RequestParam String business, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Business b = businesses.requireForRequest(business);
    LocalDate first = RequestDates.day("from", from, null);
    LocalDate last = RequestDates.day("to", to, null);
    Instant start = first == null ? Instant.EPOCH : first.atStartOfDay(b.hours().zone()).toInstant();
    Instant end = last == null ? Instant.parse("9999-12-31T00:00:00Z") : last.plusDays(1).atStartOfDay(b.hours().zone()).toInstant();
    if (!start.isBefore(end)) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "from (" + from + ") is after to (" + to + ")");
    }
    StringBuilder csv = new StringBuilder(ConsentCsv.HEADER).append('\n');
    evidence.forEach(b.id(), start, end, c -> csv.append(ConsentCsv.row(b.id(), c)).append('\n'));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consent-" + b.id() + ".csv\"")
        .contentType(new MediaType("text", "csv"))
        .body(csv.toString());
  }
}
