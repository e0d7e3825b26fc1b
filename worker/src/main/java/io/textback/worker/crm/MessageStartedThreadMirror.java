package io.textback.worker.crm;

import io.textback.crm.CrmKind;
import io.textback.crm.ThreadMirror;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A thread mirror that starts the CRM's own show-text process by message (id: the MessageSid, so a
 * repeat is dropped), queued in PostgreSQL like every inbound event: the SMS path never waits for the
 * CRM. Each CRM names its own messages, so one CRM's texts never start another's process.
 */
public abstract class MessageStartedThreadMirror implements ThreadMirror {
  private static final Duration TTL = Duration.ofHours(1);
  private final CrmKind crm;
  private final String receivedMessage;
  private final String sentMessage;
  private final Predicate<String> connected;
  private final InboundEventStore events;
  private final MessageRelay relay;

  /** @param connected whether a business (by id) is connected to this CRM now; texts of others are not queued */
  protected MessageStartedThreadMirror(CrmKind crm, String receivedMessage, String sentMessage,
      Predicate<String> connected, InboundEventStore events, MessageRelay relay) {
    this.crm = crm;
    this.receivedMessage = receivedMessage;
    this.sentMessage = sentMessage;
    this.connected = connected;
    this.events = events;
    this.relay = relay;
  }

  @Override
  public CrmKind crm() {
    return crm;
  }

  @Override
  public void received(String businessId, String leadPhone, String text, String messageSid, Instant at) {
    queue(receivedMessage, businessId, leadPhone, text, messageSid, at);
  }

  @Override
  public void sent(String businessId, String leadPhone, String text, String messageSid, Instant at) {
    queue(sentMessage, businessId, leadPhone, text, messageSid, at);
  }

  private void queue(String message, String businessId, String leadPhone, String body, String messageSid, Instant at) {
    queue(message, businessId, messageSid, Map.of("businessId", businessId, "leadPhone", leadPhone, "text", body,
        "messageSid", messageSid, "at", at.toString()));
  }

  /** Starts the CRM's process on {@code message} for a business connected to it, once per MessageSid. */
  protected void queue(String message, String businessId, String messageSid, Map<String, Object> variables) {
    if (!connected.test(businessId)) {
      return;
    }
    boolean isNew = events.storeIfNew(new InboundEvent("textback", "crm:" + message + ":" + messageSid, message + "-to-crm",
        Map.of("businessId", businessId, "messageSid", messageSid), java.util.Optional.of(new PendingMessage(message,
            messageSid, messageSid, TTL, variables))));
    if (isNew) {
      relay.wake();
    }
  }
}
