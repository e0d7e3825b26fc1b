package io.textback.worker.web;

import org.springframework.http.HttpStatus;

/** A request (webhook or API call) we refuse, with the status and a reason the sender can act on. */
public class RequestRejectedException extends RuntimeException {
  private final HttpStatus status;

  public RequestRejectedException(HttpStatus status, String reason) {
    super(reason);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
