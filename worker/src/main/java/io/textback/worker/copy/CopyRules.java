package io.textback.worker.copy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The seed's rules for copy (DESIGN, "Rules the copy must keep"), checked when copy is loaded. */
public final class CopyRules {
  public static final int MAX_FIRST_TEXT_SEGMENTS = 2;

  private CopyRules() {}

  /** Which text the copy is, since the rules differ. */
  public enum Case {
    /** The first text after a missed call. */
    MISSED_CALL_FIRST_TEXT(true, true),
    /** The first text after a web form. */
    FORM_FIRST_TEXT(false, true),
    /** Any later text in a conversation. */
    FOLLOW_UP(false, false),
    /** The answer to HELP or INFO. */
    HELP(false, false),
    /** The one confirmation of an opt-out: it may only confirm (47 CFR 64.1200(a)(12)). */
    OPT_OUT_CONFIRMATION(false, false),
    /** A text to the business's own staff (escalations): GSM-7 and length only. */
    STAFF(false, false);

    final boolean mustSayMissed;
    final boolean firstText;

    Case(boolean mustSayMissed, boolean firstText) {
      this.mustSayMissed = mustSayMissed;
      this.firstText = firstText;
    }
  }

  /** Every rule the rendered text breaks, each as a sentence a RevOps person can act on. */
  public static List<String> violations(String text, String businessName, Case kind) {
    List<String> broken = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return List.of("the text is empty");
    }
    if (kind != Case.STAFF && !nameWithinFirstWords(text, businessName, 6)) {
      broken.add("the business's name (\"%s\") must appear within the first six words".formatted(businessName));
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (kind.mustSayMissed && !lower.contains("missed")) {
      broken.add("a text after a call must say that the call was missed");
    }
    if (kind.firstText && !text.contains("?")) {
      broken.add("it must offer the easiest next step as a question (\"What can we do for you?\")");
    }
    if (!Gsm7.isGsm7(text)) {
      broken.add("GSM-7 characters only (no emoji or other symbols that turn the text into UCS-2); found: "
          + nonGsm(text));
    } else if (Gsm7.segments(text) > MAX_FIRST_TEXT_SEGMENTS) {
      broken.add("a text may use at most 2 SMS segments (306 GSM-7 characters); this one takes "
          + Gsm7.segments(text) + " (" + Gsm7.septets(text) + " characters)");
    }
    if (kind == Case.OPT_OUT_CONFIRMATION && lower.matches("(?s).*(https?:|www\\.|\\.com|%|\\$|offer|discount|deal|sale|special|coupon|free ).*")) {
      broken.add("an opt-out confirmation may only confirm the opt-out: no links, prices or offers (47 CFR 64.1200(a)(12))");
    }
    if (kind == Case.OPT_OUT_CONFIRMATION && Gsm7.isGsm7(text) && Gsm7.segments(text) > 1) {
      broken.add("an opt-out confirmation must fit one SMS segment (160 GSM-7 characters)");
    }
    if (kind.firstText && !lower.replaceAll("\\s+", " ").contains("reply stop to opt out")) {
      broken.add("a first text must say \"Reply STOP to opt out\"");
    }
    return broken;
  }

  static boolean nameWithinFirstWords(String text, String name, int words) {
    if (name == null || name.isBlank()) {
      return false;
    }
    String[] textWords = normalize(text);
    String[] nameWords = normalize(name);
    for (int start = 0; start < Math.min(words, textWords.length); start++) {
      if (start + nameWords.length <= textWords.length
          && Arrays.equals(Arrays.copyOfRange(textWords, start, start + nameWords.length), nameWords)) {
        return true;
      }
    }
    return false;
  }

  private static String[] normalize(String s) {
    return Arrays.stream(s.toLowerCase(Locale.ROOT).split("\\s+"))
        .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("'s$", ""))
        .filter(w -> !w.isEmpty())
        .toArray(String[]::new);
  }

  private static String nonGsm(String text) {
    StringBuilder found = new StringBuilder();
    text.codePoints().filter(c -> !Gsm7.isGsm7(new String(Character.toChars(c)))).distinct().limit(5)
        .forEach(c -> found.append(new String(Character.toChars(c))).append(" (U+")
            .append(String.format("%04X", c)).append(") "));
    return found.toString().trim();
  }
}
