package io.textback.connector.gohighlevel.api;

import io.textback.crm.CrmApiFailure;
import java.time.Duration;

/** A failed HighLevel call, with HighLevel's own message (and its traceId, for HighLevel's support). */
public class HighLevelApiException extends RuntimeException implements CrmApiFailure {
  private final int status;
  private final Duration retryAfter;

  public HighLevelApiException(int status, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  @Override
  public int status() {
    return status;
  }

  /** HighLevel documents no Retry-After; set when textback held the call back itself. */
  @Override
  public Duration retryAfter() {
    return retryAfter;
  }
}
