package io.textback.worker.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** HubSpot contact properties from a workflow webhook, as the form fields textback reads. */
final class HubSpotFormFields {
  private static final Map<String, String> NAMES = Map.of("firstname", "first_name", "lastname", "last_name",
      "mobilephone", "phone", "hs_object_id", "contactId", "vid", "contactId");

  private HubSpotFormFields() {}

  /**
   * Flat properties are taken as they are; {@code properties} (HubSpot's own shape, each value as
   * {@code {"value": ...}} or plain) are lifted out. The phone falls back to mobilephone. The contact id
   * and the time of its latest form (recent_conversion_date) make the submission id, when present.
   */
  static Map<String, String> of(JsonNode body) {
    Map<String, String> flat = new LinkedHashMap<>();
    JsonNode nested = body.path("properties");
    if (nested.isObject()) {
      nested.fields().forEachRemaining(f -> flat.put(f.getKey(), value(f.getValue())));
    }
    body.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("properties")) {
        flat.putIfAbsent(f.getKey(), io.textback.worker.form.FormBodies.text(f.getValue()));
      }
    });
    Map<String, String> fields = new LinkedHashMap<>();
    flat.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        fields.putIfAbsent(NAMES.getOrDefault(k, k), v);
      }
    });
    fields.putIfAbsent("source", "HubSpot form");
    if (!fields.containsKey("submissionId") && fields.containsKey("contactId") && flat.get("recent_conversion_date") != null) {
      fields.put("submissionId", "hubspot-" + fields.get("contactId") + "-" + flat.get("recent_conversion_date"));
    }
    return fields;
  }

  /**
   * The portal a workflow webhook names, when it names one: HubSpot's payloads carry it as
   * {@code portalId} (or {@code portal-id} in the legacy contact shape).
   */
  static java.util.Optional<String> portalOf(JsonNode body) {
    for (String name : new String[] {"portalId", "portal-id", "portal_id"}) {
      JsonNode value = body.path(name);
      if (value.isValueNode() && !value.asText().isBlank()) {
        return java.util.Optional.of(value.asText());
      }
    }
    return java.util.Optional.empty();
  }

  /** HubSpot's {@code {"value": ...}} or a plain value. */
  private static String value(JsonNode node) {
    return io.textback.worker.form.FormBodies.text(node.isObject() && node.has("value") ? node.get("value") : node);
  }
}
