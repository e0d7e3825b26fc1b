package io.textback.worker.conversation;

import io.textback.connector.twilio.sms.SmsSendConnector;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.connector.twilio.sms.model.SmsSendResult.Outcome;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.crm.CrmThreads;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business answers a lead: the SMS goes out (exactly once per Idempotency-Key) and the
 * conversation hears agent-replied, which stops the response SLA. The text is shown in the lead's
 * thread in the business's CRM too (replies typed in the CRM's own inbox come in through its webhook instead).
 * A business with strict replies is refused an answer outside the lead's texting hours ({@code 409}
 * with the next allowed minute): it answers then.
 */
@RestController
public class ReplyController {
  private final ConversationStore conversations;
  private final BusinessDirectory businesses;
  private final SmsSendConnector sms;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final CrmThreads crmThreads;
  private final io.textback.worker.schedule.TextingHours textingHours;
  private final Clock clock;
  private final LeadConversations leadConversations;

  public ReplyController(ConversationStore conversations, BusinessDirectory businesses, SmsSendConnector sms,
      InboundEventStore events, MessageRelay relay, CrmThreads crmThreads,
      io.textback.worker.schedule.TextingHours textingHours, Clock clock, LeadConversations leadConversations) {
    this.leadConversations = leadConversations;
    this.textingHours = textingHours;
    this.conversations = conversations;
    this.businesses = businesses;
    this.sms = sms;
    this.events = events;
    this.relay = relay;
    this.crmThreads = crmThreads;
    this.clock = clock;
  }

  @PostMapping("/api/conversations/{leadKey}/replies")
  public ResponseEntity<Map<String, Object>> reply(@PathVariable String leadKey, @RequestBody ReplyRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (request == null || request.body() == null || request.body().isBlank()) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "body is required");
    }
    if (request.body().length() > 1600) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "body must be at most 1,600 characters");
    }
    Conversation conversation = leadConversations.requireOpen(leadKey);
    Business business = businesses.byId(conversation.businessId()).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.CONFLICT, "business " + conversation.businessId() + " is no longer configured"));
    if (business.compliance().strictReplies()) {
      // the business chose to keep even its answers inside the lead's texting hours
      java.time.Instant now = clock.instant();
      io.textback.worker.schedule.TextingHours.Hold hold = textingHours.holdFor(business, conversation.phone(), now);
      if (hold.until().isAfter(now)) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "not sent: outside the lead's texting hours ("
            + String.join(", ", hold.states()) + "); send it at or after " + hold.until(), "nextAllowed", hold.until().toString()));
      }
    }
    // A client's key is its own within this conversation: the same key for another lead is another
    // text, and the same key with other words is refused rather than answered with the first reply.
    String key = "reply:" + conversation.id() + ":"
        + (idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID() : idempotencyKey.trim());
    SmsSendResult result = sms.send(new SmsSendRequest(business.id(), business.twilioNumber(), conversation.phone(),
        request.body(), key));
    if (SmsSendConnector.KEY_REUSED.equals(result.reason())) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key " + idempotencyKey.trim()
          + " was used for another reply in this conversation; use a new key for a new reply");
    }
    if (result.outcome() != Outcome.SENT) { // refused, or held by the first-text cap
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "not sent: " + result.reason()));
    }
    conversations.addMessage(conversation.id(), business.id(), conversation.phone(), "OUT", request.body(),
        result.messageSid(), "agent-reply");
    conversations.recordAgentReply(conversation.id());
    crmThreads.sent(business, conversation.phone(), request.body(), result.messageSid(), clock.instant());
    if (events.storeIfNew(new InboundEvent("textback", "agent-reply:" + result.messageSid(), "agent-reply",
        Map.of("leadKey", leadKey, "messageSid", result.messageSid(), "agent", Optional.ofNullable(request.agent()).orElse("")),
        Optional.of(new PendingMessage("agent-replied", leadKey, result.messageSid(), Duration.ZERO,
            Map.of("agentRepliedAt", clock.instant().toString())))))) {
      relay.wake();
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("messageSid", result.messageSid(),
        "status", String.valueOf(result.status()), "conversationId", conversation.id()));
  }
}
