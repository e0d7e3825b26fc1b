package io.textback.worker.a2p;

import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.sms.DeliveryErrors;
import io.textback.worker.sms.JdbcSmsOutbox;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/a2p}: whether each business number may text US leads (as last read from Twilio);
 * {@code POST /api/a2p/check} asks Twilio again; {@code GET /api/a2p/message-flow?business=…} the
 * campaign's message flow text to fill in and submit.
 */
@RestController
public class A2pController {
  /** How far back the delivery errors go. */
  static final java.time.Duration ERRORS_SINCE = java.time.Duration.ofDays(7);
  private final A2pReadiness readiness;
  private final BusinessDirectory businesses;
  private final JdbcSmsOutbox outbox;
  private final java.time.Clock clock;

  private final io.textback.worker.security.BusinessAccess access;

  public A2pController(A2pReadiness readiness, BusinessDirectory businesses, JdbcSmsOutbox outbox, java.time.Clock clock,
      io.textback.worker.security.BusinessAccess access) {
    this.access = access;
    this.readiness = readiness;
    this.businesses = businesses;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A number's registration, and the delivery errors of the last 7 days with what each means. */
  public record NumberView(A2pStatus registration, List<DeliveryProblem> deliveryErrors) {}

  public record DeliveryProblem(int errorCode, long texts, String meaning) {}

  @GetMapping("/api/a2p")
  public List<NumberView> statuses() {
    List<Business> all = businesses.all();
    List<A2pStatus> statuses = all.stream().anyMatch(b -> readiness.last(b.id()).isEmpty()) ? readiness.checkAll()
        : all.stream().map(b -> readiness.last(b.id()).orElseThrow()).toList();
    return statuses.stream().filter(s -> access.canSee(s.businessId())).map(this::view).toList();
  }

  @PostMapping("/api/a2p/check")
  public List<NumberView> check() {
    return readiness.checkAll().stream().map(this::view).toList();
  }

  private NumberView view(A2pStatus status) {
    List<DeliveryProblem> problems = new java.util.ArrayList<>();
    outbox.deliveryErrorsSince(status.businessId(), clock.instant().minus(ERRORS_SINCE)).forEach((code, texts) ->
        problems.add(new DeliveryProblem(code, texts, DeliveryErrors.explain(code)
            .orElse("see https://www.twilio.com/docs/api/errors/" + code))));
    return new NumberView(status, problems);
  }

  @GetMapping(path = "/api/a2p/message-flow", produces = MediaType.TEXT_PLAIN_VALUE)
  public ResponseEntity<String> messageFlow(@RequestParam String business) {
    return ResponseEntity.ok(MessageFlow.of(businesses.requireForRequest(business)));
  }
}
