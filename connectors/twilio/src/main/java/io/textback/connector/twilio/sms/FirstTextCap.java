package io.textback.connector.twilio.sms;

import io.textback.connector.twilio.sms.model.SmsSendRequest;
import java.util.Optional;

/**
 * Whether a text must wait for an admin instead of going out: SMS pumping sends a burst of forms or
 * calls from new numbers, each costing the business a first text, so first texts are capped.
 */
@FunctionalInterface
public interface FirstTextCap {
  /** Why this text is held (for example "business_hourly_cap"), or empty when it may go now. */
  Optional<String> holdReason(SmsSendRequest request);

  FirstTextCap NONE = request -> Optional.empty();
}
