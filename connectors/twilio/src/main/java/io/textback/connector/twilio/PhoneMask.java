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
}
