package io.textback.worker.optout;

import io.textback.worker.business.Business;
import io.textback.worker.crm.CrmThreads;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A lead revoked consent, however it came: a text in any words, the CRM's do-not-disturb, a person's
 * decision on a doubtful text. Every entry point opts out the same way.
 */
@Service
public class ConsentRevocations {
  private final OptOutStore optOuts;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final CrmThreads crmThreads;
  private final Clock clock;

  public ConsentRevocations(OptOutStore optOuts, InboundEventStore events, MessageRelay relay, CrmThreads crmThreads,
      Clock clock) {
    this.optOuts = optOuts;
    this.events = events;
    this.relay = relay;
    this.crmThreads = crmThreads;
    this.clock = clock;
  }

  /**
   * Where a revocation came from: the inbound event that keeps it, the message id that makes it
   * once, and what the opt-out row names as its source ("sms:SM…", or the CRM and its event).
   */
  public record Source(String provider, String eventKey, String eventType, Map<String, String> payload, String messageId,
      String optOutSource) {}

  /**
   * Opts the lead out: the opt-out row first (from then on no text goes out, whatever the engine
   * does), then, once per message id, the event that ends an open conversation (lead-opted-out).
   * The CRM hears of it unless the CRM itself said so.
   *
   * @return false for a repeat of a revocation already honoured (replayed after a START, it must
   *     not opt the lead out again)
   */
  public boolean revoke(Business business, String phone, Source source, boolean tellCrm) {
    if (events.hasMessage("lead-opted-out", source.messageId())) {
      return false;
    }
    optOuts.optOut(business.id(), phone, source.optOutSource());
    if (events.storeIfNew(new InboundEvent(source.provider(), source.eventKey(), source.eventType(), source.payload(),
        Optional.of(new PendingMessage("lead-opted-out", business.leadKey(phone), source.messageId(), Duration.ZERO,
            Map.of("optedOutAt", clock.instant().toString())))))) {
      relay.wake();
    }
    if (tellCrm) {
      crmThreads.consentChanged(business, phone, true, source.messageId(), clock.instant());
    }
    return true;
  }
}
