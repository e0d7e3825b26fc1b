package io.textback.worker;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The engine's "now", handed to a job by the BPMN input mapping {@code now = now()}. Timers run on
 * the engine's clock, so anything a worker schedules (quiet hours, business hours) must count from
 * it, not from the worker's wall clock.
 */
public final class EngineTime {
  private EngineTime() {}

  public static Instant parse(String value, java.time.Clock fallback) {
    if (value == null || value.isBlank()) {
      return fallback.instant();
    }
    String v = value.trim();
    try {
      return ZonedDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e2) {
        return Instant.parse(v);
      }
    }
  }
}
