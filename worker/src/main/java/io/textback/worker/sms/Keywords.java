package io.textback.worker.sms;

import java.util.Locale;
import java.util.Set;

/** The compliance keywords (CTIA, Twilio's defaults): one word, any case, surrounding blanks ignored. */
public enum Keywords {
  OPT_OUT, OPT_IN, HELP, NONE;

  private static final Set<String> STOP = Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL");
  private static final Set<String> START = Set.of("START", "YES", "UNSTOP");
  private static final Set<String> INFO = Set.of("HELP", "INFO");

  public static Keywords of(String body) {
    if (body == null) {
      return NONE;
    }
    String word = body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
    if (STOP.contains(word)) {
      return OPT_OUT;
    }
    if (START.contains(word)) {
      return OPT_IN;
    }
    return INFO.contains(word) ? HELP : NONE;
  }
}
