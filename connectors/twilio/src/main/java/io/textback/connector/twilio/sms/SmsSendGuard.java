package io.textback.connector.twilio.sms;

import java.util.Optional;

/** Compliance checks just before a text leaves, whatever the process state. */
@FunctionalInterface
public interface SmsSendGuard {
  /** A reason not to text {@code to} (for example "opted_out"), or empty when it may be sent. */
  Optional<String> refusal(String businessId, String to);

  SmsSendGuard NONE = (businessId, to) -> Optional.empty();
}
