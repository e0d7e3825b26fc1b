package io.textback.connector.gohighlevel.api;

import feign.Body;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.textback.connector.gohighlevel.api.HighLevelModel.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** HighLevel's token endpoint (apps/oauth.json): form-encoded, no Version header. */
public interface HighLevelOAuthApi {
  @RequestLine("POST /oauth/token")
  @Headers({"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"})
  @Body("{form}")
  Token token(@Param(value = "form", encoded = true) String form);

  /** The form body, each value URL-encoded. */
  static String form(Map<String, String> fields) {
    return fields.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
