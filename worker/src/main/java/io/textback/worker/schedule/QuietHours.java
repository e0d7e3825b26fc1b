package io.textback.worker.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When texts that are not a direct answer to the lead may go out: a daily window (08:00-21:00 by
 * default, TCPA) in the recipient's local time. A number whose area spans several zones must be
 * inside the window in all of them.
 */
public record QuietHours(TimeWindow allowed) {
  public static final QuietHours DEFAULT = new QuietHours(TimeWindow.parse("08:00-21:00"));

  /** {@code at} when allowed in every zone, else the first allowed minute after it. */
  public Instant nextAllowed(Instant at, List<ZoneId> zones) {
    Instant candidate = at;
    for (int round = 0; round < 16; round++) {
      Instant moved = candidate;
      for (ZoneId zone : zones) {
        moved = nextAllowedIn(moved, zone);
      }
      if (moved.equals(candidate)) {
        return candidate;
      }
      candidate = moved;
    }
    return candidate; // zones whose windows never overlap: the last candidate is the best there is
  }

  private Instant nextAllowedIn(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    if (allowed.contains(local.toLocalTime())) {
      return at;
    }
    LocalDate day = local.toLocalTime().isBefore(allowed.from()) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    return day.atTime(allowed.from()).atZone(zone).toInstant().truncatedTo(ChronoUnit.MINUTES);
  }
}
