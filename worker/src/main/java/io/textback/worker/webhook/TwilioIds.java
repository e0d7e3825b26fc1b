package io.textback.worker.webhook;

import io.textback.worker.web.RequestRejectedException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Twilio's resource ids in their documented shape: two letters and 32 hex digits (CA… a call, SM… or
 * MM… a message, RE… a recording). Anything else is refused: Twilio's signature runs the names and
 * values together, so a captured one can be replayed with a value that swallows the next parameter
 * ({@code MessageSid=SM…NumMedia0}), and only the id's exact shape tells that apart.
 */
public final class TwilioIds {
  public static final Pattern CALL = Pattern.compile("CA[0-9a-f]{32}");
  public static final Pattern MESSAGE = Pattern.compile("(SM|MM)[0-9a-f]{32}");
  public static final Pattern RECORDING = Pattern.compile("RE[0-9a-f]{32}");
  public static final Pattern PHONE_NUMBER = Pattern.compile("PN[0-9a-f]{32}");

  private TwilioIds() {}

  /** The id, when it has the shape; a 400 naming the parameter otherwise. */
  public static String require(String name, String value, Pattern shape, String what) {
    if (value == null || value.isBlank()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, name + " is required");
    }
    if (!shape.matcher(value).matches()) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, name + " is not a Twilio " + what
          + " id (" + shape.pattern() + ")");
    }
    return value;
  }
}
