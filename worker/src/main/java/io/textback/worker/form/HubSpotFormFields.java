package io.textback.worker.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  static Map<String, String> of(Map<String, String> body, ObjectMapper json) {
    Map<String, String> flat = new LinkedHashMap<>();
    String nested = body.get("properties");
    if (nested != null && nested.startsWith("{")) {
      try {
        json.readTree(nested).fields().forEachRemaining(f -> flat.put(f.getKey(), value(f.getValue())));
      } catch (Exception e) {
        // not HubSpot's shape after all: the flat fields below are all there is
      }
    }
    body.forEach((k, v) -> {
      if (!k.equals("properties")) {
        flat.putIfAbsent(k, v);
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

  private static String value(JsonNode node) {
    JsonNode v = node.isObject() && node.has("value") ? node.get("value") : node;
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
