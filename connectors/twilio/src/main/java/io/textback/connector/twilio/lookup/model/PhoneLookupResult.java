package io.textback.connector.twilio.lookup.model;

/**
 * Whether the number can take SMS.
 *
 * @param textable false for landlines, pagers and numbers whose delivery failed for good
 * @param lineType Twilio's line type (mobile, landline, fixedVoip, ...), null when not known
 * @param reason why it cannot be texted (the line type, or undeliverable); null when textable
 * @param source cache, lookup, off (Lookup disabled) or failed (Lookup error)
 */
public record PhoneLookupResult(boolean textable, String lineType, String reason, String source) {

  /** Not known, so textable: a missed text costs more than a text to a landline. */
  public static PhoneLookupResult unknown(String source) {
    return new PhoneLookupResult(true, null, null, source);
  }

  /** Not known, and the journey asked not to text such a number (a form lead's). */
  public static PhoneLookupResult lookupFailed() {
    return new PhoneLookupResult(false, null, "lookup_failed", "failed");
  }
}
