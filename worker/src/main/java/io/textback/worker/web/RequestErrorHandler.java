package io.textback.worker.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused requests answer with their status and reason as plain text, and are logged. */
@RestControllerAdvice
public class RequestErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestErrorHandler.class);

  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<String> rejected(RequestRejectedException e, jakarta.servlet.http.HttpServletRequest request) {
    LOG.warn("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), e.status().value(), e.getMessage());
    return ResponseEntity.status(e.status()).contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
  }
}
