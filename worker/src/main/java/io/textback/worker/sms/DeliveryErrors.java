package io.textback.worker.sms;

import java.util.Map;
import java.util.Optional;

/**
 * What a Twilio error code in a delivery status means for the business, in words, with what to do
 * (https://www.twilio.com/docs/api/errors/&lt;code&gt;; the A2P ones from ../shared/reference/compliance.md §5).
 */
public final class DeliveryErrors {
  private static final Map<Integer, String> WORDS = Map.ofEntries(
      Map.entry(30034, "the number is not registered for US A2P 10DLC: carriers block its texts. Register a brand and a "
          + "campaign in Twilio (Messaging > Regulatory Compliance) and add the number to the campaign's Messaging Service"),
      Map.entry(30007, "the carrier filtered the text as spam or disallowed content: keep texts to the business's own "
          + "words, drop links and offers, and check the volume; if it goes on, review the A2P campaign"),
      Map.entry(30909, "the A2P campaign was rejected: its message flow does not show how leads consent. Describe every "
          + "opt-in path (the inbound call and its greeting, the web form and its checkbox) on a public page and resubmit"),
      Map.entry(30032, "the toll-free number is not verified: submit a toll-free verification in Twilio"),
      Map.entry(30450, "Twilio's SMS pumping protection blocked the text for a while: check the number ranges texted lately"),
      Map.entry(21610, "the lead replied STOP to this number: Twilio will not text them until they reply START"),
      Map.entry(30003, "the phone is unreachable (off or out of coverage)"),
      Map.entry(30005, "the number is unknown or no longer in service"),
      Map.entry(30006, "the number is a landline or cannot take texts"));

  /** Codes that say the business's Twilio setup (not the lead's phone) stops its texts. */
  private static final java.util.Set<Integer> SETUP = java.util.Set.of(30034, 30007, 30909, 30032);

  private DeliveryErrors() {}

  public static Optional<String> explain(Integer code) {
    return code == null ? Optional.empty() : Optional.ofNullable(WORDS.get(code));
  }

  /** The error is the business's to fix in Twilio (registration, verification, content). */
  public static boolean isSetupProblem(Integer code) {
    return code != null && SETUP.contains(code);
  }
}
