package io.textback.connector.twilio.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;

/** Turns Twilio's error responses into {@link TwilioApiException}s with a category. */
public class TwilioErrorDecoder implements ErrorDecoder {
  private final ObjectMapper mapper;

  public TwilioErrorDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    TwilioErrorBody body = readBody(response);
    Integer code = body == null ? null : body.code();
    String detail = body == null || body.message() == null ? response.reason() : body.message();
    TwilioErrorCategory category = TwilioErrorCategory.of(response.status(), code);
    String message =
        "Twilio answered HTTP %d%s: %s"
            .formatted(response.status(), code == null ? "" : " (error " + code + ")", detail);
    return new TwilioApiException(category, response.status(), code, message, null);
  }

  private TwilioErrorBody readBody(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      return mapper.readValue(in, TwilioErrorBody.class);
    } catch (IOException | RuntimeException e) {
      return null; // not JSON (a proxy's HTML page): the status alone decides
    }
  }
}
