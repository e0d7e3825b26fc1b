package io.textback.connector.hubspot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.textback.connector.hubspot.api.HubSpotModel.ErrorBody;
import io.textback.connector.hubspot.api.HubSpotModel.ErrorDetail;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/** Turns HubSpot's error bodies into one clear sentence: status, category, every detail, correlation id. */
public class HubSpotErrorDecoder implements ErrorDecoder {
  private final ObjectMapper mapper;

  public HubSpotErrorDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    ErrorBody body = read(response);
    String category = body == null ? null : (body.category() != null ? body.category() : body.errorType());
    StringBuilder message = new StringBuilder("HubSpot answered ").append(response.status());
    if (category != null) {
      message.append(' ').append(category);
    }
    message.append(": ").append(body == null || body.message() == null ? response.reason() : body.message());
    if (body != null && body.errors() != null && !body.errors().isEmpty()) {
      message.append(" [").append(body.errors().stream().map(ErrorDetail::message)
          .collect(Collectors.joining("; "))).append(']');
    }
    if (body != null && body.correlationId() != null) {
      message.append(" (correlationId ").append(body.correlationId()).append(')');
    }
    return new HubSpotApiException(response.status(), category, message.toString(), retryAfter(response), null);
  }

  private ErrorBody read(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      return mapper.readValue(in, ErrorBody.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Duration retryAfter(Response response) {
    Collection<String> values = response.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Retry-After")).findFirst().map(e -> e.getValue()).orElse(null);
    if (values == null || values.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(values.iterator().next().trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
