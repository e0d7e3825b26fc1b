package io.textback.worker.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** A daily window [from, to) in local time, e.g. 08:00-18:00. */
public record TimeWindow(LocalTime from, LocalTime to) {
  public TimeWindow {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("window must start before it ends: " + from + "-" + to);
    }
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(from) && time.isBefore(to);
  }

  /** "08:00-18:00", several joined by commas, or "closed" (none). */
  public static List<TimeWindow> parseAll(String text) {
    List<TimeWindow> windows = new ArrayList<>();
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("closed")) {
      return windows;
    }
    for (String part : text.split(",")) {
      windows.add(parse(part));
    }
    return windows;
  }

  public static TimeWindow parse(String text) {
    String[] ends = text.trim().split("-");
    if (ends.length != 2) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not a window like 08:00-18:00");
    }
    try {
      String end = ends[1].trim();
      // "24:00" closes the day: the window runs to midnight
      return new TimeWindow(LocalTime.parse(ends[0].trim()), end.equals("24:00") ? LocalTime.MAX : LocalTime.parse(end));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not a window like 08:00-18:00");
    }
  }

  @Override
  public String toString() {
    return from + "-" + (to.equals(LocalTime.MAX) ? "24:00" : to);
  }
}
