package io.textback.worker.crm;

import io.textback.connector.twilio.sms.SmsSendConnector;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.crm.CrmKind;
import io.textback.worker.business.Business;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.optout.ConsentRevocations;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a CRM's webhook means to textback, the same whatever the CRM: a deal (opportunity) that reached
 * the booked stage ends the lead's conversation as Booked (message lead-booked), and a reply an agent
 * typed in the CRM's inbox goes out as SMS once and stops the response clock (message agent-replied),
 * and a contact set to do-not-disturb in the CRM is opted out as a STOP would.
 * Each CRM's webhook controller checks its signature and finds the business first.
 */
@Service
public class CrmWebhookEvents {
  private static final Logger LOG = LoggerFactory.getLogger(CrmWebhookEvents.class);
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final SmsSendConnector sms;
  private final ConversationStore conversations;
  private final ConsentRevocations revocations;
  private final java.time.Clock clock;

  public CrmWebhookEvents(InboundEventStore events, MessageRelay relay, SmsSendConnector sms,
      ConversationStore conversations, ConsentRevocations revocations, java.time.Clock clock) {
    this.events = events;
    this.relay = relay;
    this.sms = sms;
    this.conversations = conversations;
    this.revocations = revocations;
    this.clock = clock;
  }

  /**
   * The CRM set the contact's SMS to do-not-disturb: the lead is opted out as a STOP would (never
   * texted again by this business), and an open conversation ends (message lead-opted-out).
   */
  public void optedOut(CrmKind crm, String eventKey, Map<String, String> payload, Business business, String phone) {
    if (revocations.revoke(business, phone, new ConsentRevocations.Source(crm.id(), eventKey, "crm-opt-out", payload,
        eventKey, crm.id() + ":" + eventKey), false)) {
      LOG.info("{} set {} to do-not-disturb for {}", crm.id(), PhoneNumbers.mask(phone), business.id());
    }
  }

  /** An event textback keeps (once per key) but does nothing with. */
  public void kept(CrmKind crm, String eventKey, String type, Map<String, String> payload) {
    events.storeIfNew(new InboundEvent(crm.id(), eventKey, type, payload, Optional.empty()));
  }

  /** The lead's deal reached the business's booked stage; a repeat of the event is dropped. */
  public void booked(CrmKind crm, String eventKey, Map<String, String> payload, String businessId, String leadKey,
      String dealId) {
    if (events.storeIfNew(new InboundEvent(crm.id(), eventKey, "deal-booked", payload, Optional.of(
        new PendingMessage("lead-booked", leadKey, eventKey, Duration.ZERO, Map.of("dealId", dealId)))))) {
      relay.wake();
      LOG.info("Deal {} booked for {} ({})", dealId, businessId, crm.id());
    }
  }

  /**
   * An agent's reply typed in the CRM's inbox: texted once per CRM message id (a repeat returns the
   * first result), recorded on the open conversation, and the conversation hears agent-replied.
   */
  public SmsSendResult agentReplied(CrmKind crm, Business business, String crmMessageId, String to, String text,
      Map<String, String> payload) {
    SmsSendResult result = sms.send(new SmsSendRequest(business.id(), business.twilioNumber(), to, text,
        crm.agentReplyKeyPrefix() + crmMessageId));
    boolean sent = result.outcome() == SmsSendResult.Outcome.SENT;
    if (sent && events.storeIfNew(new InboundEvent(crm.id(), crm.id() + "-message:" + crmMessageId, "agent-reply",
        payload, Optional.of(new PendingMessage("agent-replied", business.leadKey(to), result.messageSid(),
            Duration.ZERO, Map.of("agentMessageId", crmMessageId)))))) {
      conversations.findOpen(business.id(), to).ifPresent(c -> {
        conversations.addMessage(c.id(), business.id(), to, "OUT", text, result.messageSid(), "agent-reply");
        conversations.recordAgentReply(c.id());
      });
      relay.wake();
    }
    LOG.info("Inbox reply {} in {} to {}: {}", crmMessageId, crm.id(), PhoneNumbers.mask(to), result.outcome());
    return result;
  }
}
