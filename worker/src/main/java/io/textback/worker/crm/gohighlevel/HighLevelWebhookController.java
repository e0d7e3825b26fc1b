package io.textback.worker.crm.gohighlevel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.connector.gohighlevel.api.HighLevelApiException;
import io.textback.connector.gohighlevel.api.HighLevelModel.Message;
import io.textback.connector.gohighlevel.api.HighLevelModel.MessageError;
import io.textback.connector.gohighlevel.signature.HighLevelSignature;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.crm.CrmKind;
import io.textback.worker.business.Business;
import io.textback.worker.crm.CrmWebhookEvents;
import io.textback.worker.crm.JdbcCrmLedger;
import io.textback.worker.crm.LeadJourneys;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * HighLevel's webhooks to the marketplace app. {@code /webhooks/gohighlevel} (the app's webhook URL):
 * an opportunity reaching the business's booked stage or an appointment booked for the lead ends the
 * conversation as Booked; a contact's SMS set to do-not-disturb opts the lead out; an uninstall drops
 * the location's tokens. Signed by HighLevel (x-wh-signature, or x-ghl-signature), at most 5 minutes
 * old, once per webhookId. {@code /webhooks/gohighlevel/delivery} (the conversation provider's
 * Delivery URL): a reply typed in HighLevel's inbox, texted once.
 */
@RestController
public class HighLevelWebhookController {
  public static final String APP_PATH = "/webhooks/gohighlevel";
  public static final String DELIVERY_PATH = "/webhooks/gohighlevel/delivery";
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(HighLevelWebhookController.class);
  private static final int MAX_BODY = 64 * 1024;
  private final HighLevelSignature signature;
  private final ObjectMapper json;
  private final ConfiguredHighLevelLocations locations;
  private final CrmWebhookEvents crmEvents;
  private final JdbcCrmLedger ledger;
  private final HighLevelTokens tokens;
  private final Clock clock;
  /** Status updates to HighLevel happen off the webhook's thread: HighLevel waits on nothing. */
  private final ExecutorService statusUpdates = Executors.newVirtualThreadPerTaskExecutor();

  public HighLevelWebhookController(HighLevelProperties properties, ObjectMapper json,
      ConfiguredHighLevelLocations locations, CrmWebhookEvents crmEvents,
      @Qualifier("highLevelLedger") JdbcCrmLedger ledger, HighLevelTokens tokens, Clock clock) {
    HighLevelProperties.Global app = properties.gohighlevel();
    this.signature = new HighLevelSignature(app.legacyWebhookPublicKey() == null || app.legacyWebhookPublicKey().isBlank()
        ? HighLevelSignature.PUBLISHED_RSA_KEY : app.legacyWebhookPublicKey(), app.webhookPublicKey());
    this.json = json;
    this.locations = locations;
    this.crmEvents = crmEvents;
    this.ledger = ledger;
    this.tokens = tokens;
    this.clock = clock;
  }

  @PostMapping(APP_PATH)
  public ResponseEntity<Map<String, Object>> appEvent(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    JsonNode event = signed(request, body);
    String webhookId = event.path("webhookId").asText("");
    if (webhookId.isBlank()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "webhookId is required (HighLevel sends one with every webhook)");
    }
    String type = event.path("type").asText("");
    String key = "gohighlevel:" + webhookId;
    Map<String, String> payload = Map.of("event", event.toString());
    String locationId = event.path("locationId").asText("");
    Optional<Business> business = locations.byLocation(locationId);
    if (type.equals("UNINSTALL") && !locationId.isBlank()) {
      tokens.uninstalled(locationId);
    }
    String outcome = business.isEmpty() ? "no business" : switch (type) {
      case "OpportunityStageUpdate", "OpportunityStatusUpdate", "OpportunityUpdate" -> opportunity(event, key, payload, business.get());
      case "AppointmentCreate" -> appointment(event, key, payload, business.get());
      case "ContactDndUpdate" -> dnd(event, key, payload, business.get());
      default -> "kept";
    };
    if (outcome.equals("kept") || outcome.equals("no business") || outcome.startsWith("not ")) {
      crmEvents.kept(CrmKind.GOHIGHLEVEL, key, "gohighlevel-event", payload);
    }
    LOG.info("HighLevel {} for location {}: {}", type, locationId, outcome);
    return ResponseEntity.ok(Map.of("type", type, "outcome", outcome));
  }

  private String opportunity(JsonNode event, String key, Map<String, String> payload, Business business) {
    String booked = locations.settingsOf(business.id()).map(HighLevelProperties.Location::bookedStageId).orElse(null);
    Optional<String> leadKey = ledger.leadOfDeal(event.path("id").asText(""));
    if (booked == null || !booked.equals(event.path("pipelineStageId").asText()) || leadKey.isEmpty()) {
      return "not booked";
    }
    crmEvents.booked(CrmKind.GOHIGHLEVEL, key, payload, business.id(), leadKey.get(), event.path("id").asText());
    return "booked";
  }

  private String appointment(JsonNode event, String key, Map<String, String> payload, Business business) {
    JsonNode appointment = event.path("appointment");
    String status = appointment.path("appointmentStatus").asText("");
    Optional<LeadJourneys.Lead> lead = ledger.leadOfContact(appointment.path("contactId").asText(""), List.of(business.id()));
    if (lead.isEmpty() || status.equals("cancelled") || status.equals("invalid")) {
      return "not a lead's booking";
    }
    crmEvents.booked(CrmKind.GOHIGHLEVEL, key, payload, business.id(), business.leadKey(lead.get().phone()),
        "appointment:" + appointment.path("id").asText());
    return "booked";
  }

  private String dnd(JsonNode event, String key, Map<String, String> payload, Business business) {
    String sms = event.path("dndSettings").path("SMS").path("status").asText("");
    boolean doNotDisturb = event.path("dnd").asBoolean(false) || sms.equals("active") || sms.equals("permanent");
    String phone = event.path("phone").asText("");
    if (!doNotDisturb || !phone.matches("\\+[1-9]\\d{6,14}")) {
      return "not do-not-disturb";
    }
    crmEvents.optedOut(CrmKind.GOHIGHLEVEL, key, payload, business, phone);
    return "opted out";
  }

  /**
   * ProviderOutboundMessage: a user, a workflow or a bulk action sent an SMS through textback's
   * provider. HighLevel may not sign these (shared/reference/gohighlevel.md §4.3), so a signature is
   * checked when there is one, and the message is always read back from HighLevel with the location's
   * token: it must exist there, in this location, for this contact, outbound through textback's
   * provider, and the number texted is the contact's as HighLevel or textback knows it, never the
   * payload's alone. Answered at once (HighLevel retries only a 429); the status follows.
   */
  @PostMapping(DELIVERY_PATH)
  public ResponseEntity<Map<String, Object>> delivery(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    JsonNode event = parse(body);
    if (present(request, HighLevelSignature.ED25519_HEADER) || present(request, HighLevelSignature.RSA_HEADER)) {
      signed(request, body);
    }
    String messageId = event.path("messageId").asText("");
    String locationId = event.path("locationId").asText("");
    String contactId = event.path("contactId").asText("");
    String text = event.path("message").asText("");
    if (messageId.isBlank() || locationId.isBlank() || contactId.isBlank() || text.isBlank()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "messageId, locationId, contactId and message are required");
    }
    if (!event.path("type").asText("SMS").equals("SMS") && !event.path("type").asText().equals("Custom")) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "textback delivers SMS only, not " + event.path("type").asText());
    }
    Business business = locations.byLocation(locationId).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no business is connected to HighLevel location " + locationId));
    var location = locations.forBusiness(business.id()).orElseThrow();
    String to = confirmed(location, business, messageId, contactId);
    SmsSendResult result = crmEvents.agentReplied(CrmKind.GOHIGHLEVEL, business, messageId, to, text,
        Map.of("event", event.toString()));
    boolean sent = result.outcome() == SmsSendResult.Outcome.SENT;
    statusUpdates.submit(() -> reportStatus(location.client(), messageId, sent, result));
    return ResponseEntity.ok(Map.of("handled", true, "outcome", result.outcome().name()));
  }

  /** The number to text, once HighLevel confirms the message; a 403/404 with the reason otherwise. */
  private String confirmed(io.textback.connector.gohighlevel.crm.HighLevelLocations.Location location, Business business,
      String messageId, String contactId) {
    Message message;
    try {
      message = location.client().message(messageId);
    } catch (HighLevelApiException e) {
      if (e.status() == 400 || e.status() == 404) {
        throw new RequestRejectedException(HttpStatus.NOT_FOUND, "HighLevel has no message " + messageId + ": not texted");
      }
      throw e;
    }
    String provider = location.conversationProviderId();
    if (message == null || !contactId.equals(message.contactId()) || !"outbound".equalsIgnoreCase(message.direction())
        || (provider != null && message.conversationProviderId() != null && !provider.equals(message.conversationProviderId()))) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, "message " + messageId
          + " is not an outbound message to contact " + contactId + " through textback's provider: not texted");
    }
    return ledger.leadOfContact(contactId, List.of(business.id())).map(LeadJourneys.Lead::phone)
        .orElseGet(() -> location.client().contact(contactId).phone());
  }

  private void reportStatus(io.textback.connector.gohighlevel.api.HighLevelClient client, String messageId, boolean sent,
      SmsSendResult result) {
    // HighLevel answers 403 until it has handed the message to the provider (about 5-10 s, its issue 4)
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        client.setMessageStatus(messageId, sent ? "delivered" : "failed",
            sent ? null : new MessageError(result.errorCode() == null ? "textback" : String.valueOf(result.errorCode()),
                "saas", "not sent: " + result.reason()));
        return;
      } catch (HighLevelApiException e) {
        if (e.status() != 403 || attempt == 5) {
          LOG.warn("Could not set the status of HighLevel message {}: {}", messageId, e.getMessage());
          return;
        }
        try {
          Thread.sleep(3_000L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private JsonNode signed(HttpServletRequest request, byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    signature.problem(raw, request.getHeader(HighLevelSignature.ED25519_HEADER), request.getHeader(HighLevelSignature.RSA_HEADER))
        .ifPresent(problem -> {
          throw new RequestRejectedException(HttpStatus.UNAUTHORIZED, problem);
        });
    JsonNode event = parse(raw);
    String timestamp = event.path("timestamp").asText("");
    if (!timestamp.isBlank()) {
      try {
        if (Instant.parse(timestamp).isBefore(clock.instant().minus(MAX_AGE))) {
          throw new RequestRejectedException(HttpStatus.UNAUTHORIZED, "the webhook's timestamp " + timestamp
              + " is more than 5 minutes old: a replay is refused");
        }
      } catch (DateTimeParseException e) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "timestamp is not an ISO-8601 instant: " + timestamp);
      }
    }
    return event;
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "empty body");
    }
    if (body.length > MAX_BODY) {
      throw new RequestRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "a HighLevel webhook body is at most 64 KiB");
    }
    try {
      JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static boolean present(HttpServletRequest request, String header) {
    String value = request.getHeader(header);
    return value != null && !value.isBlank();
  }
}
