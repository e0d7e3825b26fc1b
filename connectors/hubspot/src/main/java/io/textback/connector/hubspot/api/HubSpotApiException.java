package io.textback.connector.hubspot.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A failed HubSpot call, with HubSpot's own explanation made readable for an incident. */
public class HubSpotApiException extends RuntimeException implements io.textback.crm.CrmApiFailure {
  private static final Pattern EXISTING_ID = Pattern.compile("Existing ID: ?(\\d+)");
  private final int status;
  private final String category;
  private final Duration retryAfter;

  public HubSpotApiException(int status, String category, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.category = category;
    this.retryAfter = retryAfter;
  }

  @Override
  public int status() {
    return status;
  }

  public String category() {
    return category;
  }

  /** HubSpot's Retry-After on a 429, if it sent one. */
  @Override
  public Duration retryAfter() {
    return retryAfter;
  }

  /** On a 409 for a contact that exists already: its id, from "Contact already exists. Existing ID: N". */
  public String existingId() {
    Matcher m = EXISTING_ID.matcher(String.valueOf(getMessage()));
    return status == 409 && m.find() ? m.group(1) : null;
  }
}
