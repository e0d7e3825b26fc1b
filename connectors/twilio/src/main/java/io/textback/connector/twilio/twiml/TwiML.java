package io.textback.connector.twilio.twiml;

import java.util.ArrayList;
import java.util.List;

/** A small TwiML writer for the verbs textback answers with; every value is XML-escaped. */
public final class TwiML {
  private final List<String> verbs = new ArrayList<>();

  public static TwiML response() {
    return new TwiML();
  }

  /** Rings {@code number} for {@code timeoutSeconds}; Twilio then requests {@code actionUrl}. */
  public TwiML dial(String number, int timeoutSeconds, String actionUrl) {
    verbs.add(
        "<Dial timeout=\"%d\" action=\"%s\" method=\"POST\"><Number>%s</Number></Dial>"
            .formatted(timeoutSeconds, escape(actionUrl), escape(number)));
    return this;
  }

  public TwiML say(String text) {
    verbs.add("<Say>" + escape(text) + "</Say>");
    return this;
  }

  /**
   * Records a voicemail. The action is requested when recording ends (also on hang-up, with
   * Digits=hangup); the status callback follows once the recording is stored, or reports it absent.
   */
  public TwiML record(String actionUrl, String statusCallbackUrl, int maxLengthSeconds) {
    verbs.add(
        ("<Record action=\"%s\" method=\"POST\" maxLength=\"%d\" playBeep=\"true\""
                + " recordingStatusCallback=\"%s\" recordingStatusCallbackMethod=\"POST\""
                + " recordingStatusCallbackEvent=\"completed absent\"/>")
            .formatted(escape(actionUrl), maxLengthSeconds, escape(statusCallbackUrl)));
    return this;
  }

  /** Answers an incoming SMS with a text (sent by Twilio, from the number that was texted). */
  public TwiML message(String body) {
    verbs.add("<Message>" + escape(body) + "</Message>");
    return this;
  }

  public TwiML hangup() {
    verbs.add("<Hangup/>");
    return this;
  }

  public String toXml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + String.join("", verbs) + "</Response>";
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** North American ringing is about 6 s a ring and Twilio adds 5 s to the Dial timeout. */
  public static int dialTimeoutForRings(int rings) {
    return Math.max(5, Math.min(600, 6 * rings - 5));
  }
}
