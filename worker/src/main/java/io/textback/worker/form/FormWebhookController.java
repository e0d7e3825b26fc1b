package io.textback.worker.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.crm.HubSpotWebhookVerifier;
import io.textback.worker.crm.TextsInHubSpot;
import io.textback.worker.inbound.InboundEvent;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import io.textback.worker.inbound.PendingMessage;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/forms/{businessId}}: a web form submission, JSON or form-encoded, signed
 * with the business's form secret. Stored first (a repeat of the same submission is acknowledged and
 * dropped), then form-auto-response.bpmn is started; the text goes out from there within a second.
 */
@RestController
public class FormWebhookController {
  /** Carries the business's form secret on HubSpot workflow webhooks (the action's API key). */
  static final String FORM_KEY_HEADER = "X-Textback-Form-Key";
  private static final Logger LOG = LoggerFactory.getLogger(FormWebhookController.class);
  static final int MAX_BODY = 64 * 1024;
  /**
   * 0 s, as for call-missed: Zeebe keeps one active instance per message start and correlation key,
   * so a form while the lead's form journey still runs starts nothing (a buffered one would start a
   * second journey later); this webhook records that form on the open conversation itself.
   */
  private static final Duration START_TTL = Duration.ZERO;
  /** Forms from one address are counted over a rolling hour. */
  static final Duration RATE_WINDOW = Duration.ofHours(1);

  private final BusinessDirectory businesses;
  private final PhoneNumbers phones;
  private final InboundEventStore events;
  private final MessageRelay relay;
  private final ConversationStore conversations;
  private final TextsInHubSpot textsInHubSpot;
  private final HubSpotWebhookVerifier hubspotVerifier;
  private final ObjectMapper json;
  private final Clock clock;

  public FormWebhookController(BusinessDirectory businesses, PhoneNumbers phones, InboundEventStore events,
      MessageRelay relay, ConversationStore conversations, TextsInHubSpot textsInHubSpot, HubSpotWebhookVerifier hubspotVerifier, ObjectMapper json,
      Clock clock) {
    this.businesses = businesses;
    this.phones = phones;
    this.events = events;
    this.relay = relay;
    this.conversations = conversations;
    this.textsInHubSpot = textsInHubSpot;
    this.hubspotVerifier = hubspotVerifier;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/webhooks/forms/{businessId}")
  public ResponseEntity<Map<String, Object>> submit(@PathVariable String businessId, HttpServletRequest request) {
    Business business = business(businessId);
    byte[] body = read(request);
    if (business.formSecret() == null || business.formSecret().isBlank()) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN,
          "forms are off for " + businessId + ": set its form-secret to sign them");
    }
    if (!FormSignature.matches(business.formSecret(), body, request.getHeader(FormSignature.HEADER))) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, request.getHeader(FormSignature.HEADER) == null
          ? "missing " + FormSignature.HEADER : FormSignature.HEADER + " does not match the body");
    }
    Map<String, String> fields = parse(body, request.getContentType());
    String rateKey = "form:" + business.id() + ":" + submitterAddress(request);
    return accept(business, fields, submissionId(fields, request.getHeader("Idempotency-Key"), body), rateKey);
  }

  /** Set by the site's server to its visitor's address; a visitor cannot set a header through the site. */
  static final String VISITOR_HEADER = "X-Textback-Visitor-Ip";
  /** An IPv4 or IPv6 literal (no host names: nothing is looked up). */
  private static final java.util.regex.Pattern IP = java.util.regex.Pattern.compile(
      "^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)$");

  /**
   * Who sent the form: the visitor's address when the site's server passes it on (a header, never a
   * form field: a site that forwards every field would let the visitor choose it), else the address
   * the request came from.
   */
  static String submitterAddress(HttpServletRequest request) {
    String value = request.getHeader(VISITOR_HEADER);
    if (value != null && value.strip().length() <= 45 && IP.matcher(value.strip()).matches()) {
      try {
        // a literal (checked above), so nothing is looked up; one spelling per address
        byte[] address = java.net.InetAddress.getByName(value.strip()).getAddress();
        if (address.length == 16) {
          // an IPv6 visitor holds a whole /64: count that, not each of its addresses
          return java.net.InetAddress.getByAddress(java.util.Arrays.copyOf(java.util.Arrays.copyOf(address, 8), 16))
              .getHostAddress() + "/64";
        }
        return java.net.InetAddress.getByAddress(address).getHostAddress();
      } catch (java.net.UnknownHostException notAnAddress) {
        // falls through to the connecting address
      }
    }
    return request.getRemoteAddr();
  }


  /**
   * A HubSpot workflow's "Send a webhook" action on form submission (request signature on: HubSpot's
   * v3 signature with the app's client secret). The body is the contact's properties, flat or as
   * HubSpot's {@code {"properties": {"phone": {"value": ...}}}}; firstname, lastname, phone (or
   * mobilephone), email, message are read. HubSpot retries a failed webhook with the same body.
   */
  @PostMapping("/webhooks/forms/{businessId}/hubspot")
  public ResponseEntity<Map<String, Object>> submitFromHubSpot(@PathVariable String businessId,
      HttpServletRequest request) {
    Business business = business(businessId);
    byte[] body = read(request);
    hubspotVerifier.verify(request, new String(body, StandardCharsets.UTF_8));
    // The app's client secret signs for every portal that installed it, and the body is written by
    // whoever built the workflow: neither says for which business. The business's own form secret,
    // set as the workflow action's API key (header X-Textback-Form-Key), does; and only a business
    // connected to a portal takes these, and not when the body names another portal.
    String portal = business.hubspot() == null ? null : business.hubspot().portalId();
    if (portal == null || portal.isBlank()) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN,
          businessId + " has no HubSpot connection: its HubSpot form webhook is off");
    }
    if (business.formSecret() == null || business.formSecret().isBlank()
        || !FormSignature.sameSecret(business.formSecret(), request.getHeader(FORM_KEY_HEADER))) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, request.getHeader(FORM_KEY_HEADER) == null
          ? "missing " + FORM_KEY_HEADER + " (the business's form secret, as the workflow action's API key)"
          : FORM_KEY_HEADER + " is not " + businessId + "'s form secret");
    }
    JsonNode payload = jsonObject(body);
    Optional<String> named = HubSpotFormFields.portalOf(payload);
    if (named.isPresent() && !named.get().equals(portal)) {
      throw new RequestRejectedException(HttpStatus.FORBIDDEN, "this webhook comes from HubSpot portal " + named.get()
          + ", and " + businessId + " is connected to another");
    }
    Map<String, String> properties = HubSpotFormFields.of(payload);
    // HubSpot's servers send every portal's webhooks: no visitor address to count (the first-text caps hold)
    return accept(business, properties, submissionId(properties, null, body), null);
  }

  private Business business(String businessId) {
    return businesses.byId(businessId).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no business " + businessId));
  }

  private ResponseEntity<Map<String, Object>> accept(Business business, Map<String, String> fields, String submissionId,
      String rateKey) {
    String businessId = business.id();
    FormSubmission form = new FormSubmission(submissionId, fields);
    Optional<String> e164 = form.phone() == null ? Optional.empty() : phones.toE164(form.phone(), business.region());
    String problem = form.phone() == null ? "phone is missing"
        : e164.isEmpty() ? "phone " + PhoneNumbers.mask(form.phone()) + " is not a valid phone number" : null;

    Map<String, String> stored = new LinkedHashMap<>(fields);
    stored.put("submissionId", submissionId);
    // Without a phone there is no one to text; with an email the lead still reaches HubSpot.
    boolean start = problem == null || form.email() != null;
    InboundEvent event = new InboundEvent("form", "form:" + businessId + ":" + submissionId,
        problem == null ? "form-submission" : "form-rejected", stored,
        start ? Optional.of(message(business, form, e164.orElse(null))) : Optional.empty());
    boolean isNew;
    if (rateKey == null) {
      isNew = events.storeIfNew(event);
    } else {
      int limit = business.limits().formsPerAddressPerHour();
      InboundEventStore.RateLimited taken = events.storeWithinRate(event, rateKey, limit, RATE_WINDOW);
      if (taken.refused()) {
        throw new RequestRejectedException(HttpStatus.TOO_MANY_REQUESTS, "too many forms from this address: "
            + businessId + " takes " + limit + " an hour from one address; try again in "
            + Math.max(1, taken.retryAfter().toSeconds()) + " s", taken.retryAfter());
      }
      isNew = taken.isNew();
    }
    if (isNew && start) {
      relay.wake();
    }
    if (isNew && problem == null) {
      // a lead already in a conversation: the form shows there, whether or not a journey starts
      conversations.findOpen(businessId, e164.get()).ifPresent(open -> textsInHubSpot.received(businessId, open.phone(),
          conversations.recordForm(open, submissionId, form.message()), "form:" + submissionId, clock.instant()));
    }
    if (problem != null) {
      LOG.warn("Form {} for {} refused: {}", submissionId, businessId, problem);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("error", problem);
      answer.put("missing", form.phone() == null ? List.of("phone") : List.of());
      answer.put("submissionId", submissionId);
      answer.put("stored", true);
      return ResponseEntity.unprocessableEntity().body(answer);
    }
    LOG.info("Form {} for {} from {}{}", submissionId, businessId, PhoneNumbers.mask(e164.get()), isNew ? "" : " (repeat)");
    return ResponseEntity.status(isNew ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(Map.of("submissionId", submissionId, "duplicate", !isNew));
  }

  private PendingMessage message(Business business, FormSubmission form, String leadPhone) {
    Map<String, Object> v = new HashMap<>();
    v.put("businessId", business.id());
    v.put("submissionId", form.submissionId());
    v.put("leadKey", leadKey(business, form, leadPhone));
    v.put("submittedAt", clock.instant().toString());
    v.put("source", form.source());
    v.put("formFields", form.extraFields());
    putIfPresent(v, "leadPhone", leadPhone);
    putIfPresent(v, "firstName", form.firstName());
    putIfPresent(v, "lastName", form.lastName());
    putIfPresent(v, "email", form.email());
    putIfPresent(v, "formMessage", form.message());
    putIfPresent(v, "consent", form.consent());
    return new PendingMessage("form-submitted", leadKey(business, form, leadPhone), form.submissionId(), START_TTL, v);
  }

  private static String leadKey(Business business, FormSubmission form, String leadPhone) {
    return leadPhone != null ? business.leadKey(leadPhone) : business.id() + ":form:" + form.submissionId();
  }

  private static void putIfPresent(Map<String, Object> v, String name, Object value) {
    if (value != null) {
      v.put(name, value);
    }
  }

  private static byte[] read(HttpServletRequest request) {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "could not read the body: " + e.getMessage());
    }
  }

  private static RequestRejectedException tooLarge() {
    return new RequestRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "a form body is at most 64 KiB");
  }

  private Map<String, String> parse(byte[] body, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    if (type.startsWith("application/json")) {
      Map<String, String> fields = new LinkedHashMap<>();
      jsonObject(body).fields().forEachRemaining(f -> fields.put(f.getKey(), HubSpotFormFields.text(f.getValue())));
      return fields;
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        try {
          String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          fields.putIfAbsent(key, value);
        } catch (IllegalArgumentException e) {
          throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the form body is not valid URL encoding");
        }
      }
      return fields;
    }
    throw new RequestRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "send application/json or application/x-www-form-urlencoded");
  }

  private JsonNode jsonObject(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the body must be a JSON object of form fields");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "could not read the body: " + e.getMessage());
    }
  }

  /** The form's own id when it sends one; otherwise the same body is the same submission. */
  private static String submissionId(Map<String, String> fields, String idempotencyKey, byte[] body) {
    String given = fields.get("submissionId");
    if (given == null || given.isBlank()) {
      given = idempotencyKey;
    }
    if (given != null && !given.isBlank()) {
      if (!given.matches("[A-Za-z0-9._:-]{1,100}")) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST,
            "submissionId must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
      }
      return given;
    }
    try {
      return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
