package io.textback.worker.crm.hubspot;

import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.crm.CrmKind;
import io.textback.crm.ThreadMirror;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Queues a text to be shown in the lead's HubSpot inbox thread by show-text-in-hubspot.bpmn, which
 * is started by message (id: the MessageSid, so a repeat is dropped) and never holds up the SMS.
 * Only for businesses with HubSpot. The agent's own inbox replies are not queued: HubSpot has them.
 */
@Component
public class HubSpotThreadMirror implements ThreadMirror {
  private static final Duration TTL = Duration.ofHours(1);
  private final HubSpotPortals portals;
  private final InboundEventStore events;
  private final MessageRelay relay;

  public HubSpotThreadMirror(HubSpotPortals portals, InboundEventStore events, MessageRelay relay) {
    this.portals = portals;
    this.events = events;
    this.relay = relay;
  }

  @Override
  public CrmKind crm() {
    return CrmKind.HUBSPOT;
  }

  @Override
  public void received(String businessId, String leadPhone, String body, String messageSid, Instant at) {
    queue("sms-received", businessId, leadPhone, body, messageSid, at);
  }

  @Override
  public void sent(String businessId, String leadPhone, String body, String messageSid, Instant at) {
    queue("sms-sent", businessId, leadPhone, body, messageSid, at);
  }

  private void queue(String message, String businessId, String leadPhone, String body, String messageSid, Instant at) {
    if (portals.forBusiness(businessId).isEmpty()) {
      return;
    }
    boolean isNew = events.storeIfNew(new InboundEvent("textback", "crm:" + message + ":" + messageSid, message + "-to-crm",
        Map.of("businessId", businessId, "messageSid", messageSid), Optional.of(new PendingMessage(message, messageSid,
            messageSid, TTL, Map.of("businessId", businessId, "leadPhone", leadPhone, "text", body,
                "messageSid", messageSid, "at", at.toString())))));
    if (isNew) {
      relay.wake();
    }
  }
}
