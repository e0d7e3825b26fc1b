package io.textback.worker.sms;

import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.phone.PhoneLines;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.spool.WebhookReceipt;
import io.textback.worker.spool.WebhookSpool;
import io.textback.worker.webhook.TwilioWebhookVerifier;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's delivery status callbacks (the StatusCallback of every text we send). The status moves
 * only forward; a final failure that says the number cannot take SMS marks it not textable.
 */
@RestController
public class SmsStatusController implements io.textback.worker.spool.SpooledWebhooks {
  public static final String PATH = "/webhooks/twilio/sms/status";
  private static final Logger LOG = LoggerFactory.getLogger(SmsStatusController.class);
  private final TwilioWebhookVerifier verifier;
  private final InboundEventStore events;
  private final JdbcClient jdbc;
  private final PhoneLines lines;
  private final org.springframework.context.ApplicationEventPublisher changes;
  private final WebhookSpool spool;

  public SmsStatusController(TwilioWebhookVerifier verifier, InboundEventStore events, JdbcClient jdbc, PhoneLines lines,
      org.springframework.context.ApplicationEventPublisher changes, WebhookSpool spool) {
    this.spool = spool;
    this.changes = changes;
    this.verifier = verifier;
    this.events = events;
    this.jdbc = jdbc;
    this.lines = lines;
  }

  @PostMapping(PATH)
  public ResponseEntity<Void> status(HttpServletRequest request) {
    WebhookReceipt receipt = WebhookReceipt.live(PATH, verifier.verify(request), java.time.Instant.now());
    check(receipt.params());
    spool.record(receipt, () -> record(receipt));
    return ResponseEntity.ok().build();
  }

  /** Replayed from the spool: the same work as live, its answer already given. */
  @Override
  public Map<String, java.util.function.Consumer<WebhookReceipt>> replayByPath() {
    return Map.of(PATH, this::record);
  }

  /** Refused at once, never spooled: what Twilio sent cannot be a status. */
  private static void check(Map<String, String> params) {
    String sid = params.getOrDefault("MessageSid", params.get("SmsSid"));
    String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
    if (sid == null || sid.isBlank() || status == null || !DeliveryStatus.isKnown(status)) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "MessageSid and a known MessageStatus are required");
    }
    io.textback.worker.webhook.TwilioIds.require("MessageSid", sid, io.textback.worker.webhook.TwilioIds.MESSAGE, "message");
  }

  /** A status checked when it arrived ({@link #check}), live or from the spool. */
  private void record(WebhookReceipt receipt) {
    Map<String, String> params = receipt.params();
    String sid = params.getOrDefault("MessageSid", params.get("SmsSid"));
    String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
    Integer errorCode = parseCode(params.get("ErrorCode"));
    events.storeIfNew(new InboundEvent("twilio", "sms-status:" + sid + ":" + status, "sms-status", params, Optional.empty()));
    jdbc.sql("""
            update sms_outbox set delivery_status = :status, delivery_error_code = :code, delivery_updated_at = now()
            where message_sid = :sid and :rank > %s""".formatted(DeliveryStatus.SQL_RANK))
        .param("status", status).param("code", errorCode).param("sid", sid).param("rank", DeliveryStatus.rank(status))
        .update();
    // The recipient comes from our own outbox: Twilio documents a status callback as carrying "a
    // subset" of the message's properties, and its example has no To.
    record Sent(String businessId, String to) {}
    Optional<Sent> sent = jdbc.sql("select business_id, to_phone from sms_outbox where message_sid = :sid limit 1")
        .param("sid", sid).query((rs, i) -> new Sent(rs.getString(1), rs.getString(2))).optional();
    if (sent.isEmpty()) {
      LOG.warn("Status {} for unknown message {}; kept in inbound_event only", status, sid);
      return;
    }
    Optional<String> recipient = sent.map(Sent::to);
    changes.publishEvent(new io.textback.worker.conversation.ConversationChanged(sent.get().businessId(), null));
    if (DeliveryStatus.isFailure(status) && DeliveryErrors.isSetupProblem(errorCode)) {
      LOG.warn("Text {} {} with error {}: {}", sid, status, errorCode, DeliveryErrors.explain(errorCode).orElseThrow());
    }
    if (DeliveryStatus.isFailure(status) && errorCode != null && DeliveryStatus.NUMBER_CANNOT_TAKE_SMS.contains(errorCode)) {
      String to = recipient.get();
      lines.markUndeliverable(to, "undeliverable_" + errorCode);
      LOG.info("{} cannot take SMS (error {}): no more texts to it", PhoneNumbers.mask(to), errorCode);
    }
  }

  private static Integer parseCode(String code) {
    try {
      return code == null || code.isBlank() ? null : Integer.valueOf(code.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
