package io.textback.worker.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A business's weekly opening hours and holidays, in its timezone. */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<TimeWindow>> week, Set<LocalDate> holidays) {
  private static final int SEARCH_DAYS = 366;

  public BusinessHours {
    week = new EnumMap<>(week);
    holidays = Set.copyOf(holidays);
    if (week.values().stream().allMatch(List::isEmpty)) {
      throw new IllegalArgumentException("opening hours are empty: the business is never open");
    }
  }

  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    return windowsOn(local.toLocalDate()).stream().anyMatch(w -> w.contains(local.toLocalTime()));
  }

  /** {@code at} when open, else the start of the next opening. */
  public Instant nextOpening(Instant at) {
    if (isOpen(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    for (int d = 0; d <= SEARCH_DAYS; d++) {
      LocalDate day = local.toLocalDate().plusDays(d);
      for (TimeWindow w : windowsOn(day)) {
        ZonedDateTime start = day.atTime(w.from()).atZone(zone);
        if (!start.toInstant().isBefore(at)) {
          return start.toInstant();
        }
      }
    }
    throw new IllegalStateException("no opening within a year");
  }

  /** The instant when {@code amount} of open time has passed after {@code start}. */
  public Instant addOpenTime(Instant start, Duration amount) {
    Instant cursor = nextOpening(start);
    Duration left = amount;
    while (true) {
      ZonedDateTime local = cursor.atZone(zone);
      TimeWindow current = windowsOn(local.toLocalDate()).stream()
          .filter(w -> w.contains(local.toLocalTime())).findFirst().orElseThrow();
      Instant windowEnd = local.toLocalDate().atTime(current.to()).atZone(zone).toInstant();
      Duration available = Duration.between(cursor, windowEnd);
      if (available.compareTo(left) >= 0) {
        return cursor.plus(left);
      }
      left = left.minus(available);
      cursor = nextOpening(windowEnd);
    }
  }

  private List<TimeWindow> windowsOn(LocalDate day) {
    return holidays.contains(day) ? List.of() : week.getOrDefault(day.getDayOfWeek(), List.of());
  }
}
