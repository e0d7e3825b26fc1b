package io.textback.worker.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * The US federal legal holidays (5 U.S.C. 6103) of a year, each on its date and on the weekday it is
 * observed when it falls on a weekend: a state that bars texts on legal holidays is kept on both.
 */
public final class UsHolidays {
  private UsHolidays() {}

  public static boolean isHoliday(LocalDate day) {
    return of(day.getYear()).contains(day) || of(day.getYear() + 1).contains(day);
  }

  static Set<LocalDate> of(int year) {
    Set<LocalDate> days = new HashSet<>();
    for (LocalDate fixed : new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 19), LocalDate.of(year, 7, 4),
        LocalDate.of(year, 11, 11), LocalDate.of(year, 12, 25)}) {
      days.add(fixed);
      if (fixed.getDayOfWeek() == DayOfWeek.SATURDAY) {
        days.add(fixed.minusDays(1));
      } else if (fixed.getDayOfWeek() == DayOfWeek.SUNDAY) {
        days.add(fixed.plusDays(1));
      }
    }
    days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3)); // Martin Luther King Jr. Day
    days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)); // Washington's Birthday
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
    days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)); // Labor Day
    days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)); // Columbus Day
    days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)); // Thanksgiving
    return days;
  }

  private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
  }
}
