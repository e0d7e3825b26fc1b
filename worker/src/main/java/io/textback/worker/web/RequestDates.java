package io.textback.worker.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** A day in a request's parameters ({@code from=2026-11-01}): a 400 naming the parameter when it is not one. */
public final class RequestDates {
  private RequestDates() {}

  /** The day, or {@code otherwise} when the parameter is absent or blank. */
  public static LocalDate day(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new RequestRejectedException(HttpStatus.BAD_REQUEST, name + " must be a date like 2026-11-01, not " + value);
    }
  }
}
