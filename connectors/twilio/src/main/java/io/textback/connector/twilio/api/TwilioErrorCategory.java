package io.textback.connector.twilio.api;

/** What a failed Twilio call means for the journey, not how Twilio said it. */
public enum TwilioErrorCategory {
  /** 21610: the recipient replied STOP to this sender. Never retried. */
  OPTED_OUT,
  /** 21211 and friends: the To number is not a valid phone number. Never retried. */
  INVALID_NUMBER,
  /** 21635 (landline) and 21614 (not a mobile number): the number cannot take SMS. Never retried. */
  NOT_SMS_CAPABLE,
  /** 20429 or HTTP 429: never processed by Twilio, always safe to retry after a backoff. */
  RATE_LIMITED,
  /** 5xx, timeout or broken connection: Twilio may or may not have accepted it; reconcile before any resend. */
  AMBIGUOUS,
  /** Any other 4xx: a request or account problem (auth, unverified sender, bad parameter). Needs a person. */
  REJECTED;

  public boolean isRefusal() {
    return this == OPTED_OUT || this == INVALID_NUMBER || this == NOT_SMS_CAPABLE;
  }

  /** Maps Twilio's error code and HTTP status to a category. */
  public static TwilioErrorCategory of(int httpStatus, Integer twilioCode) {
    if (twilioCode != null) {
      switch (twilioCode) {
        case 21610:
          return OPTED_OUT;
        case 21211, 21217, 21401, 21407, 21421:
          return INVALID_NUMBER;
        case 21635, 21614, 21612:
          return NOT_SMS_CAPABLE;
        case 20429:
          return RATE_LIMITED;
        default:
          break;
      }
    }
    if (httpStatus == 429) {
      return RATE_LIMITED;
    }
    if (httpStatus >= 500 || httpStatus == 0) {
      return AMBIGUOUS;
    }
    return REJECTED;
  }
}
