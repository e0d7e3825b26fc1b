package io.textback.worker.copy;

/** GSM 03.38: which characters an SMS can carry without switching to UCS-2, and segment counts. */
public final class Gsm7 {
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "^{}\\[~]|€\f";

  private Gsm7() {}

  /**
   * Replaces the characters that silently turn a text into UCS-2 (em and en dashes, curly quotes,
   * ellipsis, non-breaking space) with their GSM-7 twins.
   */
  public static String sanitize(String text) {
    if (text == null) {
      return null;
    }
    return text.replace('\u2014', '-').replace('\u2013', '-').replace('\u2212', '-')
        .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'')
        .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
        .replace("\u2026", "...").replace('\u00A0', ' ').replace('\u2009', ' ');
  }

  public static boolean isGsm7(String text) {
    return text.codePoints().allMatch(c -> c < 0x10000
        && (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0));
  }

  /** Septets used: extension characters take two. */
  public static int septets(String text) {
    int n = 0;
    for (char c : text.toCharArray()) {
      n += EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }
    return n;
  }

  /** SMS segments: GSM-7 160 alone or 153 each when split; UCS-2 70 or 67. */
  public static int segments(String text) {
    if (text.isEmpty()) {
      return 1;
    }
    if (isGsm7(text)) {
      int septets = septets(text);
      return septets <= 160 ? 1 : (septets + 152) / 153;
    }
    int units = text.length();
    return units <= 70 ? 1 : (units + 66) / 67;
  }
}
