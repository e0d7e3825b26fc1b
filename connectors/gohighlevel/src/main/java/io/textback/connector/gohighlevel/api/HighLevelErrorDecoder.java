package io.textback.connector.gohighlevel.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * HighLevel's error bodies as one sentence: 400 {statusCode, message}, 401 {statusCode, message,
 * error}, 422 {statusCode, message: [..], error} (common/common-schemas.json of HighLevel's specs),
 * and the traceId every response carries.
 */
public class HighLevelErrorDecoder implements ErrorDecoder {
  private final ObjectMapper mapper;

  public HighLevelErrorDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    JsonNode body = read(response);
    StringBuilder message = new StringBuilder("HighLevel answered ").append(response.status());
    if (body != null && body.hasNonNull("error")) {
      message.append(' ').append(body.get("error").asText());
    }
    message.append(": ").append(body == null ? String.valueOf(response.reason()) : messages(body.path("message")));
    if (body != null && body.hasNonNull("traceId")) {
      message.append(" (traceId ").append(body.get("traceId").asText()).append(')');
    }
    return new HighLevelApiException(response.status(), message.toString(), null, null);
  }

  private static String messages(JsonNode message) {
    if (message.isArray()) {
      List<String> all = new ArrayList<>();
      message.forEach(m -> all.add(m.asText()));
      return String.join("; ", all);
    }
    return message.isMissingNode() || message.isNull() ? "(no message)" : message.asText();
  }

  private JsonNode read(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      JsonNode node = mapper.readTree(in);
      return node != null && node.isObject() ? node : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
