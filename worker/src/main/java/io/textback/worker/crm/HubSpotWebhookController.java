package io.textback.worker.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.connector.hubspot.api.HubSpotApiException;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.connector.twilio.sms.SmsSendConnector;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * HubSpot's webhooks. App webhooks (batches of CRM events): a deal reaching the business's booked
 * stage ends the lead's conversation as Booked. The SMS channel's webhook: a reply an agent wrote in
 * the inbox goes to the lead as SMS, its status is set in HubSpot, and the conversation hears that
 * the business answered. Signed (v3), deduplicated by HubSpot's event and message ids.
 */
@RestController
public class HubSpotWebhookController {
  public static final String APP_PATH = "/webhooks/hubspot";
  public static final String CHANNEL_PATH = "/webhooks/hubspot/channel";
  private static final Logger LOG = LoggerFactory.getLogger(HubSpotWebhookController.class);
  private static final int MAX_BATCH = 100;
  private final HubSpotWebhookVerifier verifier;
  private final ObjectMapper json;
  private final BusinessDirectory businesses;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final JdbcCrmLedger ledger;
  private final SmsSendConnector sms;
  private final ConversationStore conversations;
  private final HubSpotPortals portals;
  /** Status updates to HubSpot happen off the webhook's thread: no webhook waits on HubSpot. */
  private final ExecutorService statusUpdates = Executors.newVirtualThreadPerTaskExecutor();

  public HubSpotWebhookController(HubSpotWebhookVerifier verifier, ObjectMapper json, BusinessDirectory businesses,
      InboundEventStore events, MessageRelay relay, JdbcCrmLedger ledger, SmsSendConnector sms,
      ConversationStore conversations, HubSpotPortals portals) {
    this.verifier = verifier;
    this.json = json;
    this.businesses = businesses;
    this.events = events;
    this.relay = relay;
    this.ledger = ledger;
    this.sms = sms;
    this.conversations = conversations;
    this.portals = portals;
  }

  @PostMapping(APP_PATH)
  public ResponseEntity<Map<String, Object>> appEvents(HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body == null ? "" : body);
    JsonNode batch = parse(body);
    if (!batch.isArray()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "expected a JSON array of events");
    }
    if (batch.size() > MAX_BATCH) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "at most 100 events per request, got " + batch.size());
    }
    int booked = 0;
    for (JsonNode event : batch) {
      booked += handle(event) ? 1 : 0;
    }
    return ResponseEntity.ok(Map.of("received", batch.size(), "booked", booked));
  }

  private boolean handle(JsonNode event) {
    String eventId = event.path("eventId").asText("");
    if (eventId.isBlank()) {
      LOG.warn("HubSpot event without eventId ignored");
      return false;
    }
    Map<String, String> payload = Map.of("event", event.toString());
    String key = "hubspot:" + eventId;
    boolean dealStage = event.path("subscriptionType").asText().endsWith("propertyChange")
        && "dealstage".equals(event.path("propertyName").asText());
    Optional<Business> business = businesses.byHubSpotPortal(event.path("portalId").asText());
    Optional<String> leadKey = dealStage ? ledger.leadOfDeal(event.path("objectId").asText()) : Optional.empty();
    boolean isBooked = business.isPresent() && leadKey.isPresent()
        && business.get().hubspot().bookedStage().equals(event.path("propertyValue").asText());
    if (!isBooked) {
      events.storeIfNew(new InboundEvent("hubspot", key, "hubspot-event", payload, Optional.empty()));
      return false;
    }
    if (events.storeIfNew(new InboundEvent("hubspot", key, "deal-booked", payload, Optional.of(
        new PendingMessage("lead-booked", leadKey.get(), eventId, Duration.ZERO, Map.of("dealId", event.path("objectId").asText())))))) {
      relay.wake();
      LOG.info("Deal {} booked for {}", event.path("objectId").asText(), business.get().id());
    }
    return true;
  }

  @PostMapping(CHANNEL_PATH)
  public ResponseEntity<Map<String, Object>> channelEvent(HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body == null ? "" : body);
    JsonNode event = parse(body);
    if (!"OUTGOING_CHANNEL_MESSAGE_CREATED".equals(event.path("type").asText())) {
      events.storeIfNew(new InboundEvent("hubspot", "hubspot-channel:" + event.path("eventId").asText(body.hashCode() + ""),
          "hubspot-channel-event", Map.of("event", event.toString()), Optional.empty()));
      return ResponseEntity.ok(Map.of("handled", false));
    }
    JsonNode message = event.path("message");
    String messageId = message.path("id").asText("");
    String accountId = message.path("channelAccountId").asText("");
    String to = message.path("recipients").path(0).path("deliveryIdentifier").path("value").asText("");
    String text = message.path("text").asText("");
    if (messageId.isBlank() || text.isBlank() || !to.matches("\\+[1-9]\\d{6,14}")) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
          "message.id, message.text and an E.164 recipient (message.recipients[0].deliveryIdentifier.value) are required");
    }
    Business business = businesses.byHubSpotChannelAccount(accountId).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no business has HubSpot channel account " + accountId));
    String leadKey = business.leadKey(to);
    SmsSendResult result = sms.send(new SmsSendRequest(business.id(), business.twilioNumber(), to, text, "hubspot:" + messageId));
    boolean sent = result.outcome() == SmsSendResult.Outcome.SENT;
    if (sent && events.storeIfNew(new InboundEvent("hubspot", "hubspot-message:" + messageId, "agent-reply",
        Map.of("event", event.toString()), Optional.of(new PendingMessage("agent-replied", leadKey, result.messageSid(),
            Duration.ZERO, Map.of("agentMessageId", messageId)))))) {
      conversations.findOpen(business.id(), to).ifPresent(c -> {
        conversations.addMessage(c.id(), business.id(), to, "OUT", text, result.messageSid(), "agent-reply");
        conversations.recordAgentReply(c.id());
      });
      relay.wake();
    }
    String channelId = event.path("channelId").asText(null);
    statusUpdates.submit(() -> reportStatus(business, channelId, messageId, sent, result.reason()));
    LOG.info("Inbox reply {} to {}: {}", messageId, PhoneNumbers.mask(to), result.outcome());
    return ResponseEntity.ok(Map.of("handled", true, "outcome", result.outcome().name()));
  }

  private void reportStatus(Business business, String channelId, String messageId, boolean sent, String reason) {
    portals.forBusiness(business.id()).ifPresent(portal -> {
      try {
        portal.client().setMessageStatus(channelId != null ? channelId : portal.channelId(), messageId,
            sent ? "SENT" : "FAILED", sent ? null : "not sent: " + reason);
      } catch (HubSpotApiException e) {
        LOG.warn("Could not set the status of HubSpot message {}: {}", messageId, e.getMessage());
      }
    });
  }

  private JsonNode parse(String body) {
    try {
      if (body == null || body.isBlank()) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "empty body");
      }
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "body is not JSON: " + e.getOriginalMessage());
    }
  }
}
