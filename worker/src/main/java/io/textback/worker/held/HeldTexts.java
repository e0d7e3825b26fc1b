package io.textback.worker.held;

import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.sms.JdbcSmsOutbox;
import io.textback.worker.sms.JdbcSmsOutbox.HeldText;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First texts held by the hourly caps, and an admin's decision on each: the decision is written on
 * the text and told to its journey (held-text-decided, correlated by the text's idempotency key),
 * which sends it or ends "not texted".
 */
@Service
public class HeldTexts {
  public static final String DECIDED = "held-text-decided";
  /**
   * As long as a journey waits (a day): a journey whose held result reached the engine late still
   * finds the decision; one that ended has no use for it.
   */
  private static final Duration DECISION_TTL = Duration.ofHours(24);
  private static final Logger LOG = LoggerFactory.getLogger(HeldTexts.class);

  private final JdbcSmsOutbox outbox;
  private final InboundEventStore events;
  private final MessageRelay relay;

  public HeldTexts(JdbcSmsOutbox outbox, InboundEventStore events, MessageRelay relay) {
    this.outbox = outbox;
    this.events = events;
    this.relay = relay;
  }

  public List<HeldText> of(Collection<String> businessIds) {
    return outbox.held(businessIds);
  }

  /** Releases (sent now) or discards (never sent) a held text; empty when it is not held. */
  @Transactional
  /** The business a text (held or not) of the outbox belongs to. */
  public Optional<String> businessOf(String idempotencyKey) {
    return outbox.businessOf(idempotencyKey);
  }

  public Optional<HeldText> decide(String idempotencyKey, boolean release, String admin) {
    Optional<HeldText> decided = outbox.decide(idempotencyKey, release, admin);
    decided.ifPresent(text -> {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("textReleased", release);
      if (!release) {
        variables.put("notTextedReason", "held_discarded");
      }
      events.storeIfNew(new InboundEvent("textback", "held-decided:" + idempotencyKey, "held-text-decided",
          Map.of("idempotencyKey", idempotencyKey, "released", String.valueOf(release), "admin", admin),
          Optional.of(new PendingMessage(DECIDED, idempotencyKey, "held-decided:" + idempotencyKey, DECISION_TTL,
              variables))));
      LOG.info("Held text {} to {} {} by {}", idempotencyKey, PhoneNumbers.mask(text.to()),
          release ? "released" : "discarded", admin);
      relay.wake();
    });
    return decided;
  }

  /** The journey stopped waiting (a day passed): the text is dropped for good. */
  public void drop(String idempotencyKey) {
    outbox.dropHeld(idempotencyKey);
  }
}
