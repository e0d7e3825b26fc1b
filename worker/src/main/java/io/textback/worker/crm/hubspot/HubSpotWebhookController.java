package io.textback.worker.crm.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.connector.hubspot.api.HubSpotApiException;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.worker.business.Business;
import io.textback.crm.CrmKind;
import io.textback.worker.crm.CrmWebhookEvents;
import io.textback.worker.crm.JdbcCrmLedger;
import org.springframework.beans.factory.annotation.Qualifier;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
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
  private final HubSpotAccounts accounts;
  private final CrmWebhookEvents crmEvents;
  private final JdbcCrmLedger ledger;
  private final HubSpotPortals portals;
  /** Status updates to HubSpot happen off the webhook's thread: no webhook waits on HubSpot. */
  private final ExecutorService statusUpdates = Executors.newVirtualThreadPerTaskExecutor();

  public HubSpotWebhookController(HubSpotWebhookVerifier verifier, ObjectMapper json, HubSpotAccounts accounts,
      CrmWebhookEvents crmEvents, @Qualifier("hubSpotLedger") JdbcCrmLedger ledger, HubSpotPortals portals) {
    this.verifier = verifier;
    this.json = json;
    this.accounts = accounts;
    this.crmEvents = crmEvents;
    this.ledger = ledger;
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
    Optional<Business> business = accounts.byPortal(event.path("portalId").asText());
    Optional<String> leadKey = dealStage ? ledger.leadOfDeal(event.path("objectId").asText()) : Optional.empty();
    boolean isBooked = business.isPresent() && leadKey.isPresent()
        && accounts.settingsOf(business.get()).map(HubSpotProperties.Portal::bookedStage)
            .filter(event.path("propertyValue").asText()::equals).isPresent();
    if (!isBooked) {
      crmEvents.kept(CrmKind.HUBSPOT, key, "hubspot-event", payload);
      return false;
    }
    crmEvents.booked(CrmKind.HUBSPOT, key, payload, business.get().id(), leadKey.get(), event.path("objectId").asText());
    return true;
  }

  @PostMapping(CHANNEL_PATH)
  public ResponseEntity<Map<String, Object>> channelEvent(HttpServletRequest request, @RequestBody(required = false) String body) {
    verifier.verify(request, body == null ? "" : body);
    JsonNode event = parse(body);
    if (!"OUTGOING_CHANNEL_MESSAGE_CREATED".equals(event.path("type").asText())) {
      crmEvents.kept(CrmKind.HUBSPOT, "hubspot-channel:" + event.path("eventId").asText(body.hashCode() + ""),
          "hubspot-channel-event", Map.of("event", event.toString()));
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
    Business business = accounts.byChannelAccount(accountId).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no business has HubSpot channel account " + accountId));
    SmsSendResult result = crmEvents.agentReplied(CrmKind.HUBSPOT, business, messageId, to, text,
        Map.of("event", event.toString()));
    boolean sent = result.outcome() == SmsSendResult.Outcome.SENT;
    String channelId = event.path("channelId").asText(null);
    statusUpdates.submit(() -> reportStatus(business, channelId, messageId, sent, result.reason()));
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
