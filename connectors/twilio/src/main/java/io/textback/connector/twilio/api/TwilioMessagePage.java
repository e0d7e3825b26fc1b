package io.textback.connector.twilio.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of the Messages list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioMessagePage(List<TwilioMessage> messages) {
  public TwilioMessagePage {
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
