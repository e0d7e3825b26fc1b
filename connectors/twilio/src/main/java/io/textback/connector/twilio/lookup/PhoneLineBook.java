package io.textback.connector.twilio.lookup;

import java.util.Optional;

/**
 * What is already known about a number's line, so Twilio (which bills each Lookup) is asked once
 * per number and cache period, and a delivery that failed for good outranks a Lookup.
 */
public interface PhoneLineBook {
  /** The remembered verdict, if still fresh; {@code reason} says why it cannot take SMS. */
  Optional<KnownLine> known(String e164);

  /** Remember what Twilio Lookup said. */
  void remember(String e164, String lineType, boolean textable);

  record KnownLine(boolean textable, String reason) {}
}
