package io.textback.worker.webhook;

import org.springframework.http.HttpStatus;

/** A webhook we refuse, with the status and a reason the sender can act on. */
public class WebhookRejectedException extends RuntimeException {
  private final HttpStatus status;

  public WebhookRejectedException(HttpStatus status, String reason) {
    super(reason);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
