package io.textback.connector.twilio;

/** Masks a phone number for logs: only the last four digits stay. */
public final class PhoneMask {
  private PhoneMask() {}

  public static String mask(String phone) {
    if (phone == null || phone.isBlank()) {
      return "<none>";
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() <= 4) {
      return "***" + digits;
    }
    return "***" + digits.substring(digits.length() - 4);
  }

  /** A number anywhere in a text (as +15551234567, %2B15551234567 or plain digits, 7 or more). */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("(\\+|%2[Bb])?\\d{7,15}");

  /**
   * Text from outside (a request's path, a refusal that quotes it) made fit for a log line: every
   * phone number in it masked, and control characters (an ESC sequence would drive the terminal of
   * whoever reads the log) written as \\uXXXX.
   */
  public static String forLog(String text) {
    if (text == null) {
      return "null";
    }
    String masked = NUMBER.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
    StringBuilder out = new StringBuilder(masked.length());
    masked.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.CONTROL) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
