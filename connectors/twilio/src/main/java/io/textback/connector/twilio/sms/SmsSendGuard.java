package io.textback.connector.twilio.sms;

import java.util.Optional;

/** Compliance checks just before a text leaves, whatever the process state. */
@FunctionalInterface
public interface SmsSendGuard {
  /** A reason not to text {@code to} (for example "opted_out"), or empty when it may be sent. */
  Optional<String> refusal(String businessId, String to);

  /**
   * A reason no text may leave yet (for example, inbound webhooks not yet read, among which may be a
   * STOP): the send is tried again shortly, the text neither sent nor refused.
   */
  default Optional<String> waitReason() {
    return Optional.empty();
  }

  SmsSendGuard NONE = (businessId, to) -> Optional.empty();
}
