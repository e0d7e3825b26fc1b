package io.textback.connector.twilio.sms.model;

/**
 * What the send step produced. {@code outcome} is SENT (Twilio accepted it), REFUSED (it must not
 * or cannot be sent: opted out, invalid number, landline) or HELD (a first text over the business's
 * hourly cap, kept for an admin to release or discard); {@code reason} says why.
 */
public record SmsSendResult(
    Outcome outcome, String messageSid, String status, String reason, Integer errorCode) {

  public enum Outcome {
    SENT,
    REFUSED,
    HELD
  }

  public static SmsSendResult sent(String messageSid, String status) {
    return new SmsSendResult(Outcome.SENT, messageSid, status, null, null);
  }

  public static SmsSendResult held(String reason) {
    return new SmsSendResult(Outcome.HELD, null, null, reason, null);
  }

  public static SmsSendResult refused(String reason, Integer errorCode) {
    return new SmsSendResult(Outcome.REFUSED, null, null, reason, errorCode);
  }
}
