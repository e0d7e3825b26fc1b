package io.textback.worker.business;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/** A business as the worker uses it: numbers normalised to E.164, copy checked and rendered. */
public record Business(
    String id,
    String name,
    String twilioNumber,
    String forwardTo,
    String region,
    ZoneId timezone,
    ConnectionMode connection,
    int ringCount,
    Duration voicemailWindow,
    boolean textOnVoicemail,
    String greeting,
    String textBack,
    Set<String> blockedNumbers) {

  /** A caller's own number that belongs to the business: never text it. */
  public boolean isOwnNumber(String e164) {
    return e164.equals(twilioNumber) || e164.equals(forwardTo);
  }

  public String leadKey(String e164) {
    return id + ":" + e164;
  }
}
