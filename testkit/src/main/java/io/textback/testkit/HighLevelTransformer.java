package io.textback.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes WireMock answer like HighLevel's v2 API (contracts/gohighlevel.json, from HighLevel's
 * published specs at GoHighLevel/highlevel-api-docs 0af86a4): contacts found by the duplicate rule
 * (same phone or email in the location) and upserted, notes, tasks, one conversation per contact,
 * messages added to it (deduplicated by altId), their status, opportunities, the token endpoint, and
 * optionally the location's burst limit (429 beyond it; HighLevel documents no Retry-After).
 */
final class HighLevelTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "gohighlevel";
  private static final Pattern CONTACT = Pattern.compile("/contacts/([^/]+)(?:/(notes|tasks))?");
  private static final Pattern MESSAGE_STATUS = Pattern.compile("/conversations/messages/([^/]+)/status");
  private static final Pattern MESSAGE = Pattern.compile("/conversations/messages/([^/]+)");
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong(5000);
  private final List<HighLevelRecord> records = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, Object>> contacts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> messages = new ConcurrentHashMap<>();
  private final RollingWindowLimit limit = new RollingWindowLimit();
  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final io.textback.testkit.contract.FakeCredentials credentials;

  HighLevelTransformer(io.textback.testkit.contract.FakeCredentials credentials) {
    this.credentials = credentials;
  }

  /** An authorization code HighLevel gives the app when an admin installs it on the location. */
  String authorizationCode(String locationId) {
    String code = "code-" + ids.incrementAndGet();
    codes.put(code, locationId);
    return code;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  List<HighLevelRecord> records() {
    return List.copyOf(records);
  }

  void limitTo(int per10Seconds) {
    limit.limitTo(per10Seconds);
  }

  void clear() {
    limit.limitTo(0);
    records.clear();
    contacts.clear();
    messages.clear();
    limit.clear();
  }

  /** A contact as HighLevel holds it, for a test to read or change (DND). */
  Optional<Map<String, Object>> contact(String id) {
    return Optional.ofNullable(contacts.get(id));
  }

  /** A message an agent typed in HighLevel's inbox, handed to the location's conversation provider (status pending). */
  Map<String, Object> agentMessage(String locationId, String contactId, String providerId, String text) {
    String id = "msg-" + ids.incrementAndGet();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("messageType", "TYPE_CUSTOM_PROVIDER_SMS");
    m.put("locationId", locationId);
    m.put("contactId", contactId);
    m.put("conversationId", conversationOf(locationId, contactId).map(c -> c.id()).orElse(null));
    m.put("body", text);
    m.put("direction", "outbound");
    m.put("status", "pending");
    m.put("conversationProviderId", providerId);
    m.put("dateAdded", Instant.now().toString());
    messages.put(id, m);
    return Map.copyOf(m);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    try {
      if (limit.over()) {
        return answer(event, 429, Map.of("statusCode", 429, "message", "Too many requests"));
      }
      URI uri = URI.create(event.getRequest().getUrl());
      String path = uri.getRawPath();
      Map<String, String> query = form(uri.getRawQuery());
      String method = event.getRequest().getMethod().getName();
      String raw = event.getRequest().getBodyAsString();
      JsonNode body = raw == null || raw.isBlank() || !raw.trim().startsWith("{") ? json.createObjectNode() : json.readTree(raw);
      if (path.equals("/oauth/token")) {
        return token(event, form(raw));
      }
      if (path.equals("/contacts/search/duplicate")) {
        return answer(event, 200, java.util.Collections.singletonMap("contact",
            findContact(query.get("locationId"), query.get("number"), query.get("email")).orElse(null)));
      }
      if (path.equals("/contacts/upsert")) {
        return upsert(event, body);
      }
      if (path.equals("/conversations/search")) {
        List<HighLevelRecord> found = conversationOf(query.get("locationId"), query.get("contactId")).stream().toList();
        return answer(event, 200, Map.of("conversations", found.stream().map(this::conversationJson).toList(),
            "total", found.size()));
      }
      if (path.equals("/conversations/")) {
        return createConversation(event, body);
      }
      if (path.equals("/conversations/messages/inbound")) {
        return addMessage(event, body);
      }
      if (path.equals("/opportunities/")) {
        HighLevelRecord o = store("opportunity", body.path("locationId").asText(), body);
        Map<String, Object> out = new LinkedHashMap<>(o.fields());
        out.put("id", o.id());
        return answer(event, 201, Map.of("opportunity", out));
      }
      Matcher status = MESSAGE_STATUS.matcher(path);
      if (status.matches()) {
        Map<String, Object> m = messages.get(status.group(1));
        if (m == null || !"outbound".equals(m.get("direction")) || m.get("conversationProviderId") == null) {
          // conversations/ConversationProviders.md: only the provider's own messages take a status
          return answer(event, 403, Map.of("statusCode", 403, "message", "No conversation provider found for this message",
              "error", "Forbidden"));
        }
        m.put("status", body.path("status").asText());
        if (body.has("error")) {
          m.put("error", body.get("error").toString());
        }
        return answer(event, 200, Map.of("conversationId", String.valueOf(m.get("conversationId")), "messageId",
            status.group(1), "status", body.path("status").asText()));
      }
      Matcher message = MESSAGE.matcher(path);
      if (message.matches() && method.equals("GET")) {
        Map<String, Object> m = messages.get(message.group(1));
        return m == null ? answer(event, 404, Map.of("statusCode", 404, "message", "Message not found"))
            : answer(event, 200, m);
      }
      Matcher contact = CONTACT.matcher(path);
      if (contact.matches()) {
        Map<String, Object> c = contacts.get(contact.group(1));
        if (c == null) {
          return answer(event, 400, Map.of("statusCode", 400, "message", "Contact not found"));
        }
        if ("notes".equals(contact.group(2))) {
          HighLevelRecord n = store("note", (String) c.get("locationId"), body, "contactId", contact.group(1));
          return answer(event, 201, Map.of("note", Map.of("id", n.id(), "body", n.field("body"), "contactId", contact.group(1))));
        }
        if ("tasks".equals(contact.group(2))) {
          HighLevelRecord t = store("task", (String) c.get("locationId"), body, "contactId", contact.group(1));
          return answer(event, 201, Map.of("task", Map.of("id", t.id(), "title", t.field("title"), "contactId", contact.group(1),
              "completed", false)));
        }
        if (method.equals("PUT")) {
          if (body.has("dnd")) {
            c.put("dnd", body.get("dnd").asBoolean());
          }
          if (body.has("dndSettings")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dnd = (Map<String, Object>) c.computeIfAbsent("dndSettings", k -> new LinkedHashMap<>());
            body.get("dndSettings").fields().forEachRemaining(f -> dnd.put(f.getKey(), json.convertValue(f.getValue(), Map.class)));
          }
          records.add(new HighLevelRecord("contact-update", contact.group(1), (String) c.get("locationId"),
              Map.of("body", body.toString())));
          return answer(event, 200, Map.of("succeded", true, "contact", c));
        }
        return answer(event, 200, Map.of("contact", c));
      }
      return answer(event, 404, Map.of("statusCode", 404, "message", "Cannot " + method + " " + path));
    } catch (Exception e) {
      return answer(event, 500, Map.of("statusCode", 500, "message", "fake HighLevel failed: " + e.getMessage()));
    }
  }

  /**
   * The token endpoint (apps/oauth.json): a code is good once, and so is a refresh token (each refresh
   * returns a new one; treating the old as spent is the safer reading of gohighlevel.md §1.2).
   */
  private ResponseDefinition token(ServeEvent event, Map<String, String> form) {
    String grant = form.getOrDefault("grant_type", "");
    String location = grant.equals("authorization_code") ? codes.remove(form.getOrDefault("code", ""))
        : grant.equals("refresh_token") ? refreshTokens.remove(form.getOrDefault("refresh_token", "")) : null;
    if (location == null) {
      return answer(event, 401, Map.of("statusCode", 401, "message", "Invalid grant: the " + grant.replace('_', ' ')
          + " is invalid or spent", "error", "Unauthorized"));
    }
    String access = "fake-location-token-" + ids.incrementAndGet();
    String refresh = "fake-refresh-" + ids.incrementAndGet();
    refreshTokens.put(refresh, location);
    credentials.alsoAccept(access);
    return answer(event, 200, Map.of("access_token", access, "token_type", "Bearer", "expires_in", 86399,
        "refresh_token", refresh, "scope", "contacts.write conversations.write conversations/message.write opportunities.write",
        "userType", "Location", "locationId", location, "companyId", "company-demo", "userId", "user-demo"));
  }

  private ResponseDefinition upsert(ServeEvent event, JsonNode body) {
    String location = body.path("locationId").asText();
    synchronized (contacts) {
      Optional<Map<String, Object>> existing = findContact(location, text(body, "phone"), text(body, "email"));
      Map<String, Object> c = existing.orElseGet(() -> {
        Map<String, Object> created = new ConcurrentHashMap<>();
        created.put("id", "contact-" + ids.incrementAndGet());
        created.put("locationId", location);
        created.put("dnd", false);
        return created;
      });
      for (String f : List.of("phone", "firstName", "lastName", "email", "source")) {
        if (body.hasNonNull(f) && !body.get(f).asText().isBlank()) {
          c.put(f, body.get(f).asText());
        }
      }
      contacts.put((String) c.get("id"), c);
      Map<String, String> fields = new LinkedHashMap<>();
      c.forEach((k, v) -> fields.put(k, String.valueOf(v)));
      records.add(new HighLevelRecord(existing.isPresent() ? "contact-update" : "contact", (String) c.get("id"), location, fields));
      return answer(event, 200, Map.of("new", existing.isEmpty(), "contact", c, "traceId", "fake-trace"));
    }
  }

  /** The location's duplicate rule as textback's fake models it: the same phone, else the same email. */
  private Optional<Map<String, Object>> findContact(String location, String phone, String email) {
    return contacts.values().stream().filter(c -> location != null && location.equals(c.get("locationId")))
        .filter(c -> (phone != null && phone.equals(c.get("phone"))) || (phone == null && email != null
            && email.equalsIgnoreCase(String.valueOf(c.get("email")))))
        .findFirst();
  }

  private ResponseDefinition createConversation(ServeEvent event, JsonNode body) {
    String location = body.path("locationId").asText();
    String contactId = body.path("contactId").asText();
    synchronized (records) {
      if (conversationOf(location, contactId).isPresent()) {
        // HighLevel keeps one conversation per contact (ConversationProviders.md); the refusal's wording is UNVERIFIED
        return answer(event, 400, Map.of("statusCode", 400, "message", "Conversation already exists"));
      }
      HighLevelRecord c = store("conversation", location, body);
      return answer(event, 201, Map.of("success", true, "conversation", conversationJson(c)));
    }
  }

  private ResponseDefinition addMessage(ServeEvent event, JsonNode body) {
    String conversationId = body.path("conversationId").asText();
    Optional<HighLevelRecord> conversation = records.stream()
        .filter(r -> r.type().equals("conversation") && r.id().equals(conversationId)).findFirst();
    if (conversation.isEmpty() || !conversation.get().field("contactId").equals(body.path("contactId").asText())) {
      return answer(event, 400, Map.of("statusCode", 400, "message", "Conversation not found for this contact"));
    }
    String altId = text(body, "altId");
    synchronized (messages) {
      if (altId != null) {
        Optional<Map<String, Object>> same = messages.values().stream().filter(m -> altId.equals(m.get("altId"))).findFirst();
        if (same.isPresent()) {
          return answer(event, 200, Map.of("success", true, "conversationId", conversationId, "messageId", same.get().get("id"),
              "message", "Message already added"));
        }
      }
      HighLevelRecord r = store("message", conversation.get().locationId(), body);
      Map<String, Object> m = new LinkedHashMap<>(r.fields());
      m.put("id", r.id());
      m.put("status", "delivered");
      messages.put(r.id(), m);
      return answer(event, 200, Map.of("success", true, "conversationId", conversationId, "messageId", r.id(),
          "message", "Message added", "contactId", body.path("contactId").asText(), "dateAdded", Instant.now().toString()));
    }
  }

  private Optional<HighLevelRecord> conversationOf(String location, String contactId) {
    return records.stream().filter(r -> r.type().equals("conversation") && r.locationId().equals(location)
        && r.field("contactId").equals(contactId)).findFirst();
  }

  private Map<String, Object> conversationJson(HighLevelRecord c) {
    return Map.of("id", c.id(), "contactId", c.field("contactId"), "locationId", c.locationId(), "type", "TYPE_PHONE",
        "unreadCount", 0);
  }

  private HighLevelRecord store(String type, String location, JsonNode body, String... extra) {
    Map<String, String> fields = new LinkedHashMap<>();
    body.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      fields.put(extra[i], extra[i + 1]);
    }
    HighLevelRecord r = new HighLevelRecord(type, type + "-" + ids.incrementAndGet(), location, Map.copyOf(fields));
    records.add(r);
    return r;
  }

  private static String text(JsonNode body, String field) {
    return body.hasNonNull(field) && !body.get(field).asText().isBlank() ? body.get(field).asText() : null;
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private ResponseDefinition answer(ServeEvent event, int status, Object body) {
    try {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(status)
          .withBody(json.writeValueAsString(body)).build();
    } catch (Exception e) {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(500).build();
    }
  }
}
