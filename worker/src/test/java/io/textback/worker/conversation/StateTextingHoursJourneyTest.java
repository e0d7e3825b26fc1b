package io.textback.worker.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.worker.schedule.UsHolidays;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every row of compliance/state-texting-hours.csv, end to end with the engine's clock: a lead of
 * that state misses nobody's call, stays silent, and follow-up 1 falls due when the row forbids it;
 * it goes at the row's next allowed minute, not a minute before.
 */
class StateTextingHoursJourneyTest extends WorkerIntegrationTest {
  static final ZoneId EASTERN = ZoneId.of("America/New_York");
  static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
  static final ZoneId MOUNTAIN = ZoneId.of("America/Denver");
  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  /** state, area code, its zone, when follow-up 1 falls due, when it may go (the due day's clock, +days). */
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("FL", "305", EASTERN, DayOfWeek.THURSDAY, "20:30", 1, "08:00"),
        Arguments.of("OK", "405", CENTRAL, DayOfWeek.THURSDAY, "20:15", 1, "08:00"),
        Arguments.of("MD", "410", EASTERN, DayOfWeek.TUESDAY, "20:45", 1, "08:00"),
        Arguments.of("OR", "503", PACIFIC, DayOfWeek.WEDNESDAY, "20:30", 1, "08:00"),
        Arguments.of("TX", "214", CENTRAL, DayOfWeek.SUNDAY, "10:00", 0, "12:00"),
        Arguments.of("TX", "214", CENTRAL, DayOfWeek.SATURDAY, "08:30", 0, "09:00"),
        Arguments.of("WA", "206", PACIFIC, DayOfWeek.MONDAY, "20:30", 1, "08:00"),
        Arguments.of("AL", "205", CENTRAL, DayOfWeek.SUNDAY, "10:00", 1, "08:00"),
        Arguments.of("LA", "504", CENTRAL, DayOfWeek.SUNDAY, "13:00", 1, "08:00"),
        Arguments.of("MS", "601", CENTRAL, DayOfWeek.SUNDAY, "09:30", 1, "08:00"),
        Arguments.of("UT", "801", MOUNTAIN, DayOfWeek.SUNDAY, "11:00", 1, "08:00"),
        Arguments.of("CT", "203", EASTERN, DayOfWeek.WEDNESDAY, "08:30", 0, "09:00"),
        Arguments.of("KY", "502", EASTERN, DayOfWeek.WEDNESDAY, "09:00", 0, "10:00"),
        Arguments.of("MA", "617", EASTERN, DayOfWeek.FRIDAY, "20:30", 1, "08:00"),
        Arguments.of("NY (federal)", "212", EASTERN, DayOfWeek.FRIDAY, "21:30", 1, "08:00"));
  }

  @ParameterizedTest(name = "{0}: due {3} {4}, goes at {6}")
  @MethodSource("rows")
  void aFollowUpOutsideTheRow_goesAtItsNextAllowedMinute(String state, String areaCode, ZoneId zone, DayOfWeek day,
      String due, int plusDays, String allowed) {
    ZonedDateTime dueAt = next(zone, day, LocalTime.parse(due));
    followUpFallsDueAt(areaCode, dueAt, dueAt.toLocalDate().plusDays(plusDays).atTime(LocalTime.parse(allowed))
        .atZone(zone));
  }

  /** Rhode Island and Pennsylvania: no texts on a legal holiday (Christmas here), the day after is open. */
  @ParameterizedTest(name = "{0}: Christmas")
  @MethodSource("holidayRows")
  void aFollowUpDueOnChristmas_goesTheDayAfter(String state, String areaCode) {
    Instant now = engine().now();
    LocalDate christmas = MonthDay.of(12, 25).atYear(now.atZone(EASTERN).getYear());
    ZonedDateTime dueAt = christmas.atTime(11, 0).atZone(EASTERN);
    if (!dueAt.toInstant().isAfter(now.plus(Duration.ofMinutes(61)))) {
      dueAt = christmas.plusYears(1).atTime(11, 0).atZone(EASTERN);
    }
    followUpFallsDueAt(areaCode, dueAt, dueAt.toLocalDate().plusDays(1).atTime(8, 0).atZone(EASTERN));
  }

  static Stream<Arguments> holidayRows() {
    return Stream.of(Arguments.of("RI", "401"), Arguments.of("PA", "215"));
  }

  private void followUpFallsDueAt(String areaCode, ZonedDateTime dueAt, ZonedDateTime allowedAt) {
    Instant textBackAt = dueAt.toInstant().minus(Duration.ofMinutes(61));
    engine().increaseTime(Duration.between(engine().now(), textBackAt));
    String caller = "+1" + areaCode + "555" + "%04d".formatted(Math.floorMod(System.nanoTime(), 10_000));
    missedAndTextedBack(caller, LATE_NUMBER);
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("lead-replied", "late-electric:" + caller));

    engine().increaseTime(Duration.ofMinutes(61)); // follow-up 1 falls due, and is held
    long conversation = jdbc.sql("select process_instance_key from conversation where phone = :p and state = 'OPEN'")
        .param("p", caller).query(Long.class).single();
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().completedElementsNow(conversation).contains("QuietHours1"));
    engine().increaseTime(Duration.between(engine().now(), allowedAt.toInstant().minus(Duration.ofMinutes(2))));
    assertThat(twilio().sentTo(caller)).as("nothing before %s", allowedAt).hasSize(1);
    engine().increaseTime(Duration.ofMinutes(3));

    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 2);
    Instant sentAt = engine().now();
    assertThat(sentAt).isAfterOrEqualTo(allowedAt.toInstant()).isBefore(allowedAt.toInstant().plus(Duration.ofMinutes(30)));
  }

  /**
   * The next time on that weekday in the zone at least 70 minutes after the engine's now (the
   * text-back goes 61 before), on a day that is not a legal holiday and not the day before one.
   */
  private ZonedDateTime next(ZoneId zone, DayOfWeek day, LocalTime timeOfDay) {
    ZonedDateTime now = engine().now().atZone(zone);
    ZonedDateTime at = now.with(TemporalAdjusters.nextOrSame(day)).with(timeOfDay);
    // the legal holidays have their own rows: a week whose due day or next day is one is skipped
    while (!at.isAfter(now.plusMinutes(70)) || UsHolidays.isHoliday(at.toLocalDate())
        || UsHolidays.isHoliday(at.toLocalDate().plusDays(1))) {
      at = at.plusWeeks(1);
    }
    return at;
  }
}
