package io.textback.worker.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a text that does not answer the lead may reach them: a window per weekday (none: not that
 * day), whether legal holidays are out, and how many texts to one lead any 24 hours may hold. Its
 * {@code states} and {@code sources} say where it comes from.
 */
public record TextingRule(Map<DayOfWeek, TimeWindow> days, boolean holidaysClosed, Integer capPer24h,
    List<String> states, List<String> sources) {
  /** How far ahead a next allowed minute is looked for: a week and a holiday. */
  private static final Duration SEARCH = Duration.ofDays(9);

  public TextingRule {
    Map<DayOfWeek, TimeWindow> copy = new EnumMap<>(DayOfWeek.class);
    copy.putAll(days);
    days = copy;
    states = List.copyOf(states);
    sources = List.copyOf(sources);
  }

  static TextingRule row(String state, TimeWindow weekdays, TimeWindow saturday, TimeWindow sunday, boolean holidaysClosed,
      Integer cap, String source) {
    Map<DayOfWeek, TimeWindow> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      TimeWindow w = d == DayOfWeek.SATURDAY ? saturday : d == DayOfWeek.SUNDAY ? sunday : weekdays;
      if (w != null) {
        days.put(d, w);
      }
    }
    return new TextingRule(days, holidaysClosed, cap, List.of(state), List.of(source));
  }

  /** Both rules at once: the later start, the earlier end, closed if either is, the lower cap. */
  public TextingRule and(TextingRule other) {
    Map<DayOfWeek, TimeWindow> both = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      TimeWindow w = intersect(days.get(d), other.days.get(d));
      if (w != null) {
        both.put(d, w);
      }
    }
    Integer cap = capPer24h;
    if (cap == null || other.capPer24h != null && other.capPer24h < cap) {
      cap = other.capPer24h;
    }
    List<String> s = new ArrayList<>(states);
    s.addAll(other.states);
    List<String> src = new ArrayList<>(sources);
    src.addAll(other.sources);
    return new TextingRule(both, holidaysClosed || other.holidaysClosed, cap, s, src);
  }

  /** The same rule held to a daily window too (the business's own quiet hours can only tighten it). */
  public TextingRule within(TimeWindow daily) {
    Map<DayOfWeek, TimeWindow> held = new EnumMap<>(DayOfWeek.class);
    days.forEach((d, w) -> {
      TimeWindow x = intersect(w, daily);
      if (x != null) {
        held.put(d, x);
      }
    });
    return new TextingRule(held, holidaysClosed, capPer24h, states, sources);
  }

  /**
   * {@code at} when a text may go then in every zone of the number and the cap has room, else the
   * first allowed minute after it; {@code sentBefore} are the texts the lead already got.
   */
  public Instant nextAllowed(Instant at, List<ZoneId> zones, List<Instant> sentBefore) {
    if (allowed(at, zones, sentBefore)) {
      return at;
    }
    Instant candidate = at.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant last = at.plus(SEARCH);
    while (candidate.isBefore(last)) {
      if (allowed(candidate, zones, sentBefore)) {
        return candidate;
      }
      candidate = skip(candidate, zones);
    }
    return last; // no allowed minute within the search (rules that never overlap): the latest there is
  }

  boolean allowed(Instant at, List<ZoneId> zones, List<Instant> sentBefore) {
    for (ZoneId zone : zones) {
      ZonedDateTime local = at.atZone(zone);
      TimeWindow w = windowOn(local);
      if (w == null || !w.contains(local.toLocalTime())) {
        return false;
      }
    }
    if (capPer24h != null) {
      Instant since = at.minus(TextingHours.CAP_WINDOW);
      long recent = sentBefore.stream().filter(t -> t.isAfter(since) && !t.isAfter(at)).count();
      return recent < capPer24h;
    }
    return true;
  }

  private TimeWindow windowOn(ZonedDateTime local) {
    if (holidaysClosed && UsHolidays.isHoliday(local.toLocalDate())) {
      return null;
    }
    return days.get(local.getDayOfWeek());
  }

  /** The next minute worth trying: a closed day or the time before a window jumps to the next local start. */
  private Instant skip(Instant candidate, List<ZoneId> zones) {
    Instant next = candidate.plus(Duration.ofMinutes(1));
    for (ZoneId zone : zones) {
      ZonedDateTime local = candidate.atZone(zone);
      TimeWindow w = windowOn(local);
      if (w != null && local.toLocalTime().isBefore(w.from())) {
        Instant start = local.with(w.from()).toInstant();
        next = start.isAfter(next) ? start : next;
      } else if (w == null || !w.contains(local.toLocalTime())) {
        Instant tomorrow = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        next = tomorrow.isAfter(next) ? tomorrow : next;
      }
    }
    return next;
  }

  private static TimeWindow intersect(TimeWindow a, TimeWindow b) {
    if (a == null || b == null) {
      return null;
    }
    LocalTime from = a.from().isAfter(b.from()) ? a.from() : b.from();
    LocalTime to = a.to().isBefore(b.to()) ? a.to() : b.to();
    return from.isBefore(to) ? new TimeWindow(from, to) : null;
  }
}
