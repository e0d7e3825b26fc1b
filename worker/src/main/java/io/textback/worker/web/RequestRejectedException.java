package io.textback.worker.web;

import org.springframework.http.HttpStatus;

/** A request (webhook or API call) we refuse, with the status and a reason the sender can act on. */
public class RequestRejectedException extends RuntimeException {
  private final HttpStatus status;
  private final java.time.Duration retryAfter;

  public RequestRejectedException(HttpStatus status, String reason) {
    this(status, reason, null);
  }

  /** A refusal that ends by itself: the answer carries {@code Retry-After} in seconds. */
  public RequestRejectedException(HttpStatus status, String reason, java.time.Duration retryAfter) {
    super(reason);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.ofNullable(retryAfter);
  }

  public HttpStatus status() {
    return status;
  }
}
