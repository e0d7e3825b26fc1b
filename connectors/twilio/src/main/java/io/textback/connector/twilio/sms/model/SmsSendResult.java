package io.textback.connector.twilio.sms.model;

/**
 * What the send step produced. {@code outcome} is SENT (Twilio accepted it) or REFUSED (it must not
 * or cannot be sent: opted out, invalid number, landline); {@code reason} says why it was refused.
 */
public record SmsSendResult(
    Outcome outcome, String messageSid, String status, String reason, Integer errorCode) {

  public enum Outcome {
    SENT,
    REFUSED
  }

  public static SmsSendResult sent(String messageSid, String status) {
    return new SmsSendResult(Outcome.SENT, messageSid, status, null, null);
  }

  public static SmsSendResult refused(String reason, Integer errorCode) {
    return new SmsSendResult(Outcome.REFUSED, null, null, reason, errorCode);
  }
}
