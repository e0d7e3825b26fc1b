package io.textback.worker.business;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One business, from {@code textback.businesses[n]}.
 *
 * @param ringCount rings before the call counts as missed; keep it below the phone's own voicemail
 * @param voicemailWindow how long a caller has to leave a voicemail before the text-back goes out
 * @param textBackCopy the first text; {business} is replaced by the name
 */
public record BusinessSettings(
    String id,
    String name,
    String twilioNumber,
    String forwardTo,
    @DefaultValue("America/New_York") ZoneId timezone,
    @DefaultValue("DIAL") ConnectionMode connection,
    @DefaultValue("4") int ringCount,
    @DefaultValue("45s") Duration voicemailWindow,
    @DefaultValue("false") boolean textOnVoicemail,
    String greeting,
    String textBackCopy,
    @DefaultValue List<String> blockedNumbers) {

  public static final String DEFAULT_GREETING =
      "Sorry, we can't take your call right now. Please leave a message after the tone, or hang up and we'll text you right back.";
  public static final String DEFAULT_TEXT_BACK =
      "Hi, it's {business}. Sorry we missed your call! What can we help you with? Reply STOP to opt out.";

  public BusinessSettings {
    greeting = greeting == null || greeting.isBlank() ? DEFAULT_GREETING : greeting;
    textBackCopy = textBackCopy == null || textBackCopy.isBlank() ? DEFAULT_TEXT_BACK : textBackCopy;
    blockedNumbers = blockedNumbers == null ? List.of() : List.copyOf(blockedNumbers);
  }

  public Set<String> blockedSet() {
    return Set.copyOf(blockedNumbers);
  }
}
