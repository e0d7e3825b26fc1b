package io.textback.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes WireMock answer like a HubSpot portal: contacts found by their normalised phone, a 409 for
 * a phone that exists, calls, deals, tasks and communications created with ids, custom-channel
 * messages threaded per lead and deduplicated by integrationIdempotencyId, and optionally the
 * portal's burst limit (429 with Retry-After beyond it).
 */
final class HubSpotCrmTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "hubspot-crm";
  private static final Pattern OBJECTS = Pattern.compile("/crm/objects/[^/]+/([^/?]+)(?:/([^/?]+))?");
  private static final Pattern MESSAGES = Pattern.compile("/conversations/custom-channels/[^/]+/([^/]+)/messages(?:/([^/?]+))?");
  private static final Pattern CHANNELS = Pattern.compile("/conversations/custom-channels/[^/]+");
  private static final Pattern ACCOUNTS = Pattern.compile("/conversations/custom-channels/[^/]+/([^/]+)/channel-accounts");
  private static final Pattern INBOXES = Pattern.compile("/conversations/conversations/[^/]+/inboxes");
  private final ObjectMapper json = new ObjectMapper();
  private final List<Map<String, Object>> channels = new CopyOnWriteArrayList<>();
  /** Channel accounts per portal (its access token) and channel. */
  private final Map<String, List<Map<String, Object>>> accounts = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final List<HubSpotRecord> records = new CopyOnWriteArrayList<>();
  private final Map<String, String> threadsByLead = new ConcurrentHashMap<>();
  private final Map<String, String> messagesByIdempotencyId = new ConcurrentHashMap<>();
  private final RollingWindowLimit limit = new RollingWindowLimit();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  List<HubSpotRecord> records() {
    return List.copyOf(records);
  }

  void limitTo(int per10Seconds) {
    limit.limitTo(per10Seconds);
  }

  void clear() {
    records.clear();
    threadsByLead.clear();
    channels.clear();
    accounts.clear();
    messagesByIdempotencyId.clear();
    limit.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    try {
      if (limit.over()) {
        return answer(event, 429, Map.of("status", "error", "message", "You have reached your ten_secondly_rolling limit.",
            "errorType", "RATE_LIMIT", "policyName", "TEN_SECONDLY_ROLLING", "correlationId", "fake-429"), "1");
      }
      String path = event.getRequest().getUrl().replaceAll("\\?.*$", "");
      boolean post = RequestMethod.POST.equals(event.getRequest().getMethod());
      JsonNode body = event.getRequest().getBodyAsString().isBlank() ? json.createObjectNode()
          : json.readTree(event.getRequest().getBodyAsString());
      // Credentials, versions and fields were checked against HubSpot's contract before this
      // (HeldToContract); the statuses are the spec's (creates answer 201).
      if (CHANNELS.matcher(path).matches()) {
        if (post) {
          Map<String, Object> channel = new java.util.LinkedHashMap<>(json.convertValue(body, Map.class));
          channel.put("id", Long.toString(ids.incrementAndGet()));
          channels.add(channel);
          return answer(event, 201, channel, null);
        }
        return answer(event, 200, Map.of("results", channels), null);
      }
      Matcher a = ACCOUNTS.matcher(path);
      if (a.matches()) {
        List<Map<String, Object>> list = accounts.computeIfAbsent(
            event.getRequest().getHeader("Authorization") + "|" + a.group(1), k -> new CopyOnWriteArrayList<>());
        if (post) {
          Map<String, Object> account = new java.util.LinkedHashMap<>(json.convertValue(body, Map.class));
          account.put("id", "acct-" + ids.incrementAndGet());
          list.add(account);
          return answer(event, 201, account, null);
        }
        return answer(event, 200, Map.of("results", list), null);
      }
      if (INBOXES.matcher(path).matches()) {
        return answer(event, 200, Map.of("results", List.of(Map.of("id", "147", "name", "Sales inbox"))), null);
      }
      Matcher m = MESSAGES.matcher(path);
      if (m.matches()) {
        return post ? publish(event, m.group(1), body) : updateStatus(event, m.group(2), body);
      }
      m = OBJECTS.matcher(path);
      if (!m.matches()) {
        return answer(event, 404, Map.of("status", "error", "message", "fake HubSpot has no " + path), null);
      }
      String type = m.group(1);
      String idOrAction = m.group(2);
      if ("contacts".equals(type) && "search".equals(idOrAction)) {
        return search(event, body);
      }
      if (!post) {
        return answer(event, 200, Map.of("id", idOrAction, "properties", body.path("properties")), null);
      }
      if ("contacts".equals(type)) {
        String phone = body.path("properties").path("phone").asText("");
        for (HubSpotRecord r : records) {
          if (r.type().equals("contacts") && national(r.properties().getOrDefault("phone", "")).equals(national(phone))) {
            return answer(event, 409, Map.of("status", "error", "category", "CONFLICT",
                "message", "Contact already exists. Existing ID: " + r.id(), "correlationId", "fake-409"), null);
          }
        }
      }
      HubSpotRecord created = store(type, body);
      return answer(event, 201, Map.of("id", created.id(), "properties", created.properties(),
          "createdAt", Instant.now().toString(), "archived", false), null);
    } catch (Exception e) {
      return answer(event, 500, Map.of("status", "error", "message", "fake HubSpot failed: " + e.getMessage()), null);
    }
  }

  private ResponseDefinition search(ServeEvent event, JsonNode body) {
    List<String> wanted = new ArrayList<>();
    body.path("filterGroups").forEach(g -> g.path("filters").forEach(f -> wanted.add(national(f.path("value").asText()))));
    List<Map<String, Object>> found = new ArrayList<>();
    for (HubSpotRecord r : records) {
      if (r.type().equals("contacts") && wanted.contains(national(r.properties().getOrDefault("phone", "")))) {
        found.add(Map.of("id", r.id(), "properties", r.properties()));
        break;
      }
    }
    return answer(event, 200, Map.of("total", found.size(), "results", found), null);
  }

  private ResponseDefinition publish(ServeEvent event, String channelId, JsonNode body) {
    String idempotencyId = body.path("integrationIdempotencyId").asText(null);
    String lead = "INCOMING".equals(body.path("messageDirection").asText())
        ? body.path("senders").path(0).path("deliveryIdentifier").path("value").asText()
        : body.path("recipients").path(0).path("deliveryIdentifier").path("value").asText();
    String thread = threadsByLead.computeIfAbsent(channelId + "|" + lead, k -> Long.toString(ids.incrementAndGet()));
    if (idempotencyId != null && messagesByIdempotencyId.containsKey(idempotencyId)) {
      return answer(event, 201, Map.of("id", messagesByIdempotencyId.get(idempotencyId), "conversationsThreadId", thread), null);
    }
    HubSpotRecord message = store("messages", body);
    if (idempotencyId != null) {
      messagesByIdempotencyId.put(idempotencyId, message.id());
    }
    return answer(event, 201, Map.of("id", message.id(), "conversationsThreadId", thread), null);
  }

  /** HubSpot answers a status PATCH with 200 and the message (custom channels 2026-03 spec). */
  private ResponseDefinition updateStatus(ServeEvent event, String messageId, JsonNode body) {
    Map<String, Object> status = new java.util.LinkedHashMap<>();
    status.put("statusType", body.path("statusType").asText());
    if (body.hasNonNull("errorMessage")) {
      status.put("errorMessage", body.get("errorMessage").asText());
    }
    return answer(event, 200, Map.of("id", messageId, "status", status), null);
  }

  private HubSpotRecord store(String type, JsonNode body) {
    Map<String, String> properties = new ConcurrentHashMap<>();
    body.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    if (type.equals("messages")) {
      properties.put("text", body.path("text").asText());
      properties.put("direction", body.path("messageDirection").asText());
      properties.put("integrationIdempotencyId", body.path("integrationIdempotencyId").asText(""));
    }
    List<String> associatedTo = new ArrayList<>();
    body.path("associations").forEach(a -> associatedTo.add(a.path("to").path("id").asText()));
    if (body.hasNonNull("associateWithContactId")) {
      associatedTo.add(body.get("associateWithContactId").asText());
    }
    HubSpotRecord record = new HubSpotRecord(type, Long.toString(ids.incrementAndGet()), Map.copyOf(properties),
        List.copyOf(associatedTo));
    records.add(record);
    return record;
  }

  private static String national(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
  }

  private ResponseDefinition answer(ServeEvent event, int status, Object body, String retryAfter) {
    try {
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(status);
      if (body != null) {
        b = b.withBody(json.writeValueAsString(body));
      }
      if (retryAfter != null) {
        b = b.withHeader("Retry-After", retryAfter);
      }
      return b.build();
    } catch (Exception e) {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(500).build();
    }
  }
}
