package io.textback.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.worker.phone.PhoneNumbers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each row of compliance/state-texting-hours.csv moves a text as its source says. */
class StateTextingRulesTest {
  static final StateTextingRules RULES = StateTextingRules.standard();
  static final PhoneNumbers PHONES = new PhoneNumbers();
  static final ZoneId EASTERN = ZoneId.of("America/New_York");
  static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  static Instant next(String state, String local, ZoneId zone) {
    return RULES.forStates(Set.of(state)).nextAllowed(at(local, zone), List.of(zone), List.of());
  }

  @Test
  void everyRowNamesItsSource() {
    assertThat(RULES.rows()).hasSizeGreaterThan(10)
        .allSatisfy(r -> assertThat(r.sources()).singleElement().asString().contains("http"));
  }

  @Test
  void floridaOklahomaMarylandAndOregon_endAtEightInTheEvening() {
    // 2026-12-03 is a Thursday
    assertThat(next("FL", "2026-12-03T20:30", EASTERN)).isEqualTo(at("2026-12-04T08:00", EASTERN));
    assertThat(next("FL", "2026-12-03T19:59", EASTERN)).isEqualTo(at("2026-12-03T19:59", EASTERN));
    assertThat(next("OK", "2026-12-03T20:00", CENTRAL)).isEqualTo(at("2026-12-04T08:00", CENTRAL));
    assertThat(next("MD", "2026-12-03T20:15", EASTERN)).isEqualTo(at("2026-12-04T08:00", EASTERN));
    assertThat(next("OR", "2026-12-03T20:45", PACIFIC)).isEqualTo(at("2026-12-04T08:00", PACIFIC));
    assertThat(next("WA", "2026-12-03T20:45", PACIFIC)).isEqualTo(at("2026-12-04T08:00", PACIFIC));
  }

  @Test
  void texas_nineOnWeekdaysAndNoonOnSunday() {
    // 2026-12-06 is a Sunday
    assertThat(next("TX", "2026-12-06T10:00", CENTRAL)).isEqualTo(at("2026-12-06T12:00", CENTRAL));
    assertThat(next("TX", "2026-12-05T08:30", CENTRAL)).isEqualTo(at("2026-12-05T09:00", CENTRAL));
    assertThat(next("TX", "2026-12-03T20:59", CENTRAL)).isEqualTo(at("2026-12-03T20:59", CENTRAL));
  }

  @Test
  void alabamaLouisianaMississippiAndUtah_neverOnSundayNorOnALegalHoliday() {
    assertThat(next("AL", "2026-12-06T10:00", CENTRAL)).isEqualTo(at("2026-12-07T08:00", CENTRAL));
    assertThat(next("LA", "2026-12-05T21:30", CENTRAL)).isEqualTo(at("2026-12-07T08:00", CENTRAL));
    assertThat(next("MS", "2026-12-06T12:00", CENTRAL)).isEqualTo(at("2026-12-07T08:00", CENTRAL));
    // Christmas 2026 is a Friday; Saturday is open, Sunday is not
    assertThat(next("UT", "2026-12-25T09:00", ZoneId.of("America/Denver")))
        .isEqualTo(at("2026-12-26T08:00", ZoneId.of("America/Denver")));
  }

  @Test
  void rhodeIslandAndPennsylvania_notOnLegalHolidays_observedOnesIncluded() {
    assertThat(next("RI", "2026-11-26T10:00", EASTERN)).isEqualTo(at("2026-11-27T08:00", EASTERN)); // Thanksgiving
    // Independence Day 2026 is a Saturday, observed on Friday the 3rd: both are out
    assertThat(next("PA", "2026-07-03T10:00", EASTERN)).isEqualTo(at("2026-07-05T08:00", EASTERN));
    assertThat(next("PA", "2026-12-03T10:00", EASTERN)).isEqualTo(at("2026-12-03T10:00", EASTERN));
  }

  @Test
  void connecticutKentuckyAndMassachusetts_takeTheSaferSideOfAnUnverifiedTable() {
    assertThat(next("CT", "2026-12-03T08:30", EASTERN)).isEqualTo(at("2026-12-03T09:00", EASTERN));
    assertThat(next("KY", "2026-12-03T09:00", EASTERN)).isEqualTo(at("2026-12-03T10:00", EASTERN));
    assertThat(next("MA", "2026-12-03T20:30", EASTERN)).isEqualTo(at("2026-12-04T08:00", EASTERN));
  }

  @Test
  void everyOtherState_hasTheFederalWindow() {
    assertThat(next("NY", "2026-12-03T20:30", EASTERN)).isEqualTo(at("2026-12-03T20:30", EASTERN));
    assertThat(next("NY", "2026-12-03T21:00", EASTERN)).isEqualTo(at("2026-12-04T08:00", EASTERN));
    assertThat(RULES.forStates(Set.of()).states()).containsExactly("*");
  }

  @Test
  void aCapOfThreeIn24Hours_holdsTheFourthTextUntilTheFirstIsADayOld() {
    Instant first = at("2026-12-03T09:00", EASTERN);
    List<Instant> sent = List.of(first, at("2026-12-03T10:00", EASTERN), at("2026-12-03T11:00", EASTERN));
    TextingRule florida = RULES.forStates(Set.of("FL"));
    assertThat(florida.nextAllowed(at("2026-12-03T12:00", EASTERN), List.of(EASTERN), sent))
        .isEqualTo(at("2026-12-04T09:00", EASTERN));
    // New York has no cap
    assertThat(RULES.federal().nextAllowed(at("2026-12-03T12:00", EASTERN), List.of(EASTERN), sent))
        .isEqualTo(at("2026-12-03T12:00", EASTERN));
  }

  @Test
  void anAreaCodeThatSpansStates_takesTheStrictestOfThem() {
    TextingRule both = RULES.forStates(Set.of("TX", "FL"));
    // Texas starts at nine, Florida ends at eight
    assertThat(both.nextAllowed(at("2026-12-03T08:30", EASTERN), List.of(EASTERN), List.of()))
        .isEqualTo(at("2026-12-03T09:00", EASTERN));
    assertThat(both.nextAllowed(at("2026-12-03T20:30", EASTERN), List.of(EASTERN), List.of()))
        .isEqualTo(at("2026-12-04T09:00", EASTERN));
    assertThat(PHONES.statesOf("+12015550100")).contains("NJ", "NY");
  }

  @Test
  void theStateComesFromTheAreaCode() {
    assertThat(PHONES.statesOf("+13055550123")).containsExactly("FL");
    assertThat(PHONES.statesOf("+12145550123")).containsExactly("TX");
    assertThat(PHONES.statesOf("+12055550123")).containsExactly("AL");
    assertThat(PHONES.statesOf("+15555550123")).isEmpty();
    assertThat(PHONES.statesOf("+18005550123")).isEmpty();
    assertThat(PHONES.statesOf("+447700900123")).isEmpty();
  }

  @Test
  void theBusinessCanOnlyTighten() {
    TextingRule looser = RULES.forStates(Set.of("FL")).within(TimeWindow.parse("06:00-23:00"));
    assertThat(looser.nextAllowed(at("2026-12-03T07:00", EASTERN), List.of(EASTERN), List.of()))
        .isEqualTo(at("2026-12-03T08:00", EASTERN));
    TextingRule tighter = RULES.forStates(Set.of("FL")).within(TimeWindow.parse("10:00-18:00"));
    assertThat(tighter.nextAllowed(at("2026-12-03T18:30", EASTERN), List.of(EASTERN), List.of()))
        .isEqualTo(at("2026-12-04T10:00", EASTERN));
  }
}
