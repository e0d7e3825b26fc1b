package io.textback.connector.twilio.api;

/** A Twilio API call that failed, classified so callers never parse codes themselves. */
public class TwilioApiException extends RuntimeException {
  private final TwilioErrorCategory category;
  private final int httpStatus;
  private final Integer twilioCode;

  public TwilioApiException(
      TwilioErrorCategory category, int httpStatus, Integer twilioCode, String message, Throwable cause) {
    super(message, cause);
    this.category = category;
    this.httpStatus = httpStatus;
    this.twilioCode = twilioCode;
  }

  public TwilioErrorCategory category() {
    return category;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Integer twilioCode() {
    return twilioCode;
  }
}
