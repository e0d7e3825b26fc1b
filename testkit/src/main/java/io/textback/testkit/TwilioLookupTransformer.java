package io.textback.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers Lookup v2 line-type queries: "mobile" unless a test set another type for the number, or
 * Twilio's 503 (error 20503, the shape of twilios_response) when a test made Lookup fail for it.
 */
final class TwilioLookupTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "twilio-lookup";
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> lineTypes = new ConcurrentHashMap<>();
  private final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  void setLineType(String phone, String type) {
    lineTypes.put(phone, type);
  }

  void fail(String phone) {
    failing.add(phone);
  }

  void clear() {
    lineTypes.clear();
    failing.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String path = event.getRequest().getUrl().replaceAll("\\?.*$", "");
    String phone = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    String type = lineTypes.getOrDefault(phone, "mobile");
    try {
      if (failing.contains(phone)) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(503)
            .withBody(json.writeValueAsString(Map.of("code", 20503, "message", "Service Unavailable",
                "more_info", "https://www.twilio.com/docs/errors/20503", "status", 503)))
            .build();
      }
      String body = json.writeValueAsString(Map.of("phone_number", phone, "valid", true,
          "line_type_intelligence", Map.of("type", type, "carrier_name", "Fake Carrier", "error_code", "")));
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(200).withBody(body).build();
    } catch (Exception e) {
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withStatus(500).build();
    }
  }
}
