package io.textback.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  static final BusinessHours HOURS = new BusinessHours(NY, Map.of(
      DayOfWeek.MONDAY, TimeWindow.parseAll("08:00-12:00,13:00-17:00"),
      DayOfWeek.TUESDAY, TimeWindow.parseAll("08:00-17:00"),
      DayOfWeek.FRIDAY, TimeWindow.parseAll("08:00-17:00")),
      Set.of(LocalDate.of(2026, 12, 1))); // Tuesday 1 Dec is a holiday

  static Instant ny(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NY).toInstant();
  }

  @Test
  void openAndClosed() {
    assertThat(HOURS.isOpen(ny("2026-11-30T09:00"))).isTrue();   // Monday morning
    assertThat(HOURS.isOpen(ny("2026-11-30T12:30"))).isFalse();  // lunch
    assertThat(HOURS.isOpen(ny("2026-12-01T09:00"))).isFalse();  // holiday
    assertThat(HOURS.isOpen(ny("2026-12-02T09:00"))).isFalse();  // Wednesday: closed
  }

  @Test
  void nextOpeningSkipsLunchHolidaysAndClosedDays() {
    assertThat(HOURS.nextOpening(ny("2026-11-30T12:30"))).isEqualTo(ny("2026-11-30T13:00"));
    assertThat(HOURS.nextOpening(ny("2026-11-30T18:00"))).isEqualTo(ny("2026-12-04T08:00"));
  }

  @Test
  void theResponseClockCountsOnlyOpenTime() {
    // a reply at 11:58 on Monday: 2 minutes before lunch, 3 after
    assertThat(HOURS.addOpenTime(ny("2026-11-30T11:58"), Duration.ofMinutes(5))).isEqualTo(ny("2026-11-30T13:03"));
    // a reply on Friday night: the clock starts Monday 08:00
    assertThat(HOURS.addOpenTime(ny("2026-12-04T20:00"), Duration.ofMinutes(5))).isEqualTo(ny("2026-12-07T08:05"));
  }

  @Test
  void quietHoursMoveATextToTheNextAllowedMinuteInTheLeadsZone() {
    TextingRule quiet = StateTextingRules.standard().federal();
    assertThat(quiet.nextAllowed(ny("2026-11-30T10:00"), List.of(NY), List.of())).isEqualTo(ny("2026-11-30T10:00"));
    assertThat(quiet.nextAllowed(ny("2026-11-30T21:30"), List.of(NY), List.of())).isEqualTo(ny("2026-12-01T08:00"));
    assertThat(quiet.nextAllowed(ny("2026-11-30T06:15"), List.of(NY), List.of())).isEqualTo(ny("2026-11-30T08:00"));
    // 10:00 in New York is 07:00 in Los Angeles: a Los Angeles lead waits until 08:00 there
    assertThat(quiet.nextAllowed(ny("2026-11-30T10:00"), List.of(LA), List.of())).isEqualTo(ny("2026-11-30T11:00"));
  }

  @Test
  void aNumberSpanningTwoZonesMustBeAllowedInBoth() {
    TextingRule quiet = StateTextingRules.standard().federal().within(TimeWindow.parse("09:00-20:00"));
    // 20:30 in New York is 17:30 in Los Angeles: not allowed in New York until 09:00 the next day
    assertThat(quiet.nextAllowed(ny("2026-11-30T20:30"), List.of(NY, LA), List.of())).isEqualTo(ny("2026-12-01T12:00"));
  }

  @Test
  void aWholeDayWindowIsWrittenUntil2400() {
    assertThat(TimeWindow.parse("00:00-24:00").contains(java.time.LocalTime.of(23, 59, 59))).isTrue();
  }
}
