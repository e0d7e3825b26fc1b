package io.textback.worker.web;

import io.textback.connector.twilio.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.textback.worker.database.DatabaseUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused requests answer with their status and reason as plain text, and are logged. A request that
 * finds PostgreSQL down gets 503 with Retry-After: the sender (Twilio, a CRM, a form) may send it
 * again, and a repeat of anything already stored is recognised.
 */
@RestControllerAdvice
public class RequestErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestErrorHandler.class);

  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<String> rejected(RequestRejectedException e, jakarta.servlet.http.HttpServletRequest request) {
    // Path and reason can carry a caller's number or a stranger's bytes: masked and escaped.
    LOG.warn("Refused {} {}: {} {}", request.getMethod(), PhoneMask.forLog(request.getRequestURI()), e.status().value(),
        PhoneMask.forLog(e.getMessage()));
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.TEXT_PLAIN);
    e.retryAfter().ifPresent(wait -> answer.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
    return answer.body(e.getMessage() + "\n");
  }

  /**
   * A send that must wait a moment (another worker holds the text, or spooled webhooks are being
   * read): the person's reply is neither sent nor refused, and the same request can be sent again.
   */
  @ExceptionHandler(io.camunda.connector.api.error.ConnectorRetryException.class)
  ResponseEntity<String> notYet(io.camunda.connector.api.error.ConnectorRetryException e,
      jakarta.servlet.http.HttpServletRequest request) {
    LOG.warn("Refused {} {}: 503, {}", request.getMethod(), PhoneMask.forLog(request.getRequestURI()), PhoneMask.forLog(e.getMessage()));
    long seconds = e.getBackoffDuration() == null ? 1 : Math.max(1, e.getBackoffDuration().toSeconds());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
        .contentType(MediaType.TEXT_PLAIN).body("not sent yet: " + e.getMessage() + "; send it again (same Idempotency-Key)\n");
  }

  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<String> database(Exception e, jakarta.servlet.http.HttpServletRequest request) {
    if (!DatabaseUnavailable.is(e)) {
      LOG.error("Failed {} {}: 500", request.getMethod(), PhoneMask.forLog(request.getRequestURI()), e);
      return ResponseEntity.internalServerError().contentType(MediaType.TEXT_PLAIN).body("internal error\n");
    }
    LOG.warn("Refused {} {}: 503, PostgreSQL is unavailable ({})", request.getMethod(), PhoneMask.forLog(request.getRequestURI()),
        e.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(MediaType.TEXT_PLAIN)
        .body("the database is unavailable; try again shortly (a repeat is recognised, never stored twice)\n");
  }
}
