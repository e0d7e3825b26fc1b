package io.textback.worker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.textback.worker.report.FunnelReport.HealthFlag;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fixture month of journeys (November 2026, New York) written through the same JourneyFacts the
 * steps use; every figure below is counted by hand from the fixture.
 */
class FunnelReportTest extends WorkerIntegrationTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  static final LocalDate TO = LocalDate.of(2026, 11, 30);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @Autowired JourneyFacts facts;
  @Autowired FunnelReports reports;
  String business;
  int n;

  @BeforeEach
  void newBusiness() {
    business = "fixture-" + UUID.randomUUID();
  }

  /** A journey that starts on November {@code day} at {@code time} New York time. */
  String journey(String channel, int day, String time, boolean inHours, String variant) {
    String key = business + ":" + channel + ":" + (n++);
    facts.started(key, business, channel, "+1555010" + String.format("%04d", n), at(day, time), inHours, variant);
    return key;
  }

  static Instant at(int day, String time) {
    return LocalDateTime.parse("2026-11-%02dT%s".formatted(day, time)).atZone(NY).toInstant();
  }

  void fact(String key, String kind, String reason, int day, String time) {
    facts.record(key, kind, reason, at(day, time));
  }

  /** Texted, replied after {@code followUps} follow-ups, and answered by a person {@code seconds} after the call. */
  String recovered(String channel, int day, boolean inHours, String followUps, Long answeredAfterSeconds) {
    String key = journey(channel, day, "10:00", inHours, null);
    fact(key, JourneyFacts.TEXTED, null, day, "10:00:01");
    fact(key, JourneyFacts.REPLY, followUps, day, "10:00:30");
    if (answeredAfterSeconds != null) {
      facts.record(key, JourneyFacts.HUMAN_REPLY, null, at(day, "10:00").plusSeconds(answeredAfterSeconds));
    }
    return key;
  }

  void fixtureMonth() {
    // 20 missed calls: 2 landlines, 1 opted out, 1 anonymous, 2 voicemails, 14 texted
    fact(journey("call", 2, "09:00", true, null), JourneyFacts.NOT_TEXTED, "landline", 2, "09:00");
    fact(journey("call", 3, "09:00", true, null), JourneyFacts.NOT_TEXTED, "landline", 3, "09:00");
    fact(journey("call", 4, "09:00", true, null), JourneyFacts.NOT_TEXTED, "opted_out", 4, "09:00");
    fact(journey("call", 5, "09:00", true, null), JourneyFacts.NOT_TEXTED, "anonymous", 5, "09:00");
    fact(journey("call", 6, "09:00", true, null), JourneyFacts.VOICEMAIL, null, 6, "09:01");
    fact(journey("call", 7, "09:00", true, null), JourneyFacts.VOICEMAIL, null, 7, "09:01");
    // 5 of the 14 texted reply: 3 to the text-back, 1 after follow-up 1, 1 after follow-up 2; 2 book
    String booked1 = recovered("call", 10, true, "0", 120L);
    String booked2 = recovered("call", 11, true, "0", 240L);
    String escalated = recovered("call", 12, true, "1", 600L);
    recovered("call", 13, false, "0", 3600L);
    recovered("call", 14, false, "2", 7200L);
    fact(booked1, JourneyFacts.BOOKED, null, 10, "12:00");
    fact(booked2, JourneyFacts.BOOKED, null, 11, "12:00");
    fact(escalated, JourneyFacts.ESCALATED, "1", 12, "10:06");
    fact(escalated, JourneyFacts.ESCALATED, "2", 12, "10:36"); // the first escalation counts
    for (int i = 0; i < 9; i++) {
      String silent = journey("call", 15 + i, "11:00", true, null);
      fact(silent, JourneyFacts.TEXTED, null, 15 + i, "11:00:01");
      if (i == 0) {
        fact(silent, JourneyFacts.OPTED_OUT, null, 15, "11:05");
      }
    }
    // 10 forms: 1 without a phone, 1 joining a conversation, 8 texted; 4 reply, 1 books
    fact(journey("form", 2, "13:00", true, null), JourneyFacts.NOT_TEXTED, "no_phone", 2, "13:00");
    fact(journey("form", 3, "13:00", true, null), JourneyFacts.NOT_TEXTED, "in_conversation", 3, "13:00");
    String formBooked = recovered("form", 16, true, "0", null);
    fact(formBooked, JourneyFacts.BOOKED, null, 16, "15:00");
    recovered("form", 17, true, "0", null);
    recovered("form", 18, true, "1", null);
    recovered("form", 19, true, "0", null);
    for (int i = 0; i < 4; i++) {
      fact(journey("form", 20 + i, "13:00", true, null), JourneyFacts.TEXTED, null, 20 + i, "13:00:01");
    }
    // outside the month in New York time, though inside it in UTC on one side: not counted
    facts.started(business + ":before", business, "call", "+15550109998",
        LocalDateTime.parse("2026-10-31T23:30").atZone(NY).toInstant(), false, null);
    facts.started(business + ":after", business, "call", "+15550109997",
        LocalDateTime.parse("2026-12-01T00:10").atZone(NY).toInstant(), false, null);
  }

  @Test
  void aFixtureMonth_givesTheFiguresCountedByHand() {
    fixtureMonth();

    FunnelReport report = reports.funnel(business, NY, FROM, TO);

    Funnel calls = report.calls();
    assertThat(calls.leads()).isEqualTo(20);
    assertThat(calls.texted()).isEqualTo(14);
    assertThat(calls.notTexted()).isEqualTo(Map.of("landline", 2L, "opted_out", 1L, "anonymous", 1L));
    assertThat(calls.voicemails()).isEqualTo(2);
    assertThat(calls.replies()).isEqualTo(5);
    assertThat(calls.repliesAfter()).isEqualTo(Map.of("text-back", 3L, "follow-up 1", 1L, "follow-up 2", 1L));
    assertThat(calls.recoveryRate()).isEqualTo(0.25);
    assertThat(calls.booked()).isEqualTo(2);
    assertThat(calls.bookingRate()).isEqualTo(0.4);
    assertThat(calls.escalated()).isEqualTo(1);
    assertThat(calls.optOuts()).isEqualTo(1);
    // response times 120, 240, 600 (business hours), 3600, 7200 (after hours) seconds
    assertThat(calls.responseTime().answered()).isEqualTo(5);
    assertThat(calls.responseTime().medianSeconds()).isEqualTo(600.0);
    assertThat(calls.responseTime().p90Seconds()).isCloseTo(5760.0, within(0.001));
    assertThat(calls.responseTime().answeredInBusinessHours()).isEqualTo(3);
    assertThat(calls.responseTime().businessHoursMedianSeconds()).isEqualTo(240.0);
    assertThat(calls.responseTime().businessHoursP90Seconds()).isCloseTo(528.0, within(0.001));

    Funnel forms = report.forms();
    assertThat(forms.leads()).isEqualTo(10);
    assertThat(forms.texted()).isEqualTo(8);
    assertThat(forms.notTexted()).isEqualTo(Map.of("no_phone", 1L, "in_conversation", 1L));
    assertThat(forms.replies()).isEqualTo(4);
    assertThat(forms.recoveryRate()).isEqualTo(0.4);
    assertThat(forms.bookingRate()).isEqualTo(0.25);
    assertThat(forms.responseTime().medianSeconds()).isNull();

    assertThat(report.all().leads()).isEqualTo(30);
    assertThat(report.all().recoveryRate()).isEqualTo(0.3);
    assertThat(report.all().bookingRate()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(report.health()).isEmpty();
    assertThat(report.experiment()).isNull();
  }

  @Test
  void aStrugglingBusiness_isToldWhatNeedsWork() {
    // 100 texted, 10 replies (10%), none booked, each answered 15 minutes after the call
    for (int i = 0; i < 100; i++) {
      String key = journey("call", 2 + i % 20, "10:0" + i / 20, true, null);
      fact(key, JourneyFacts.TEXTED, null, 2 + i % 20, "10:0" + i / 20 + ":01");
      if (i % 10 == 0) {
        fact(key, JourneyFacts.REPLY, "0", 2 + i % 20, "10:1" + i / 20);
        facts.record(key, JourneyFacts.HUMAN_REPLY, null, at(2 + i % 20, "10:1" + (5 + i / 20)));
      }
    }

    FunnelReport report = reports.funnel(business, NY, FROM, TO);

    assertThat(report.health()).extracting(HealthFlag::flag).containsExactly("recovery_low", "booking_low", "response_slow");
    assertThat(report.health().get(0).message()).isEqualTo("Recovery rate 10.0% is below 15%: the text-back copy needs work.");
    assertThat(report.health().get(2).message()).contains("15.0 min");
    assertThat(report.healthNote()).isNull();
  }

  @Test
  void aNewBusiness_withAHandfulOfLeads_isNotFlagged_andIsToldHowManyAreNeeded() {
    // three texted, one reply, not booked, answered after 15 minutes: every rate is "bad", none means anything yet
    for (int i = 0; i < 3; i++) {
      String key = journey("call", 2 + i, "10:00", true, null);
      fact(key, JourneyFacts.TEXTED, null, 2 + i, "10:00:01");
      if (i == 0) {
        fact(key, JourneyFacts.REPLY, "0", 2, "10:01");
        facts.record(key, JourneyFacts.HUMAN_REPLY, null, at(2, "10:15"));
      }
    }

    FunnelReport report = reports.funnel(business, NY, FROM, TO);

    assertThat(report.health()).isEmpty();
    assertThat(report.healthNote()).isEqualTo("Not judged yet, too few leads in this period (recovery rate: 3 of 10 texted"
        + " leads; booking rate: 1 of 10 replies; response time: 1 of 5 answers in business hours).");
  }

  @Test
  void aCopyExperiment_saysWhichVariantIsAheadOnlyOnceItIsSignificant() {
    for (int i = 0; i < 200; i++) {
      String variant = i < 100 ? "A" : "B";
      String key = journey("call", 1 + i % 28, "10:00", true, variant);
      fact(key, JourneyFacts.TEXTED, null, 1 + i % 28, "10:00:01");
      int index = i % 100;
      if (variant.equals("A") ? index < 20 : index < 35) {
        fact(key, JourneyFacts.REPLY, "0", 1 + i % 28, "10:05");
      }
    }

    FunnelReport.Experiment experiment = reports.funnel(business, NY, FROM, TO).experiment();

    assertThat(experiment.variants().get("A").replyRate()).isEqualTo(0.20);
    assertThat(experiment.variants().get("A").low95()).isCloseTo(0.1334, within(0.0001));
    assertThat(experiment.variants().get("A").high95()).isCloseTo(0.2888, within(0.0001));
    assertThat(experiment.variants().get("B").low95()).isCloseTo(0.2636, within(0.0001));
    assertThat(experiment.pValue()).isCloseTo(0.0175, within(0.0005));
    assertThat(experiment.leader()).isEqualTo("B");
    assertThat(experiment.verdict()).startsWith("B is ahead: reply rate 35.0% against 20.0%");
  }

  @Test
  void aSmallDifference_isNotCalled() {
    var rows = new java.util.ArrayList<FunnelReports.JourneyRow>();
    for (int i = 0; i < 200; i++) {
      String variant = i < 100 ? "A" : "B";
      boolean replied = variant.equals("A") ? i % 100 < 20 : i % 100 < 24;
      var events = new java.util.LinkedHashMap<String, FunnelReports.Event>();
      events.put(JourneyFacts.TEXTED, new FunnelReports.Event(JourneyFacts.TEXTED, null, Instant.EPOCH));
      if (replied) {
        events.put(JourneyFacts.REPLY, new FunnelReports.Event(JourneyFacts.REPLY, "0", Instant.EPOCH));
      }
      rows.add(new FunnelReports.JourneyRow("k" + i, "call", null, Instant.EPOCH, true, variant, null, 0, events));
    }

    FunnelReport.Experiment experiment = FunnelReports.experiment(rows);

    assertThat(experiment.pValue()).isCloseTo(0.4947, within(0.001));
    assertThat(experiment.leader()).isNull();
    assertThat(experiment.verdict()).startsWith("No significant difference yet");
  }

  @Test
  void theSameFactTwice_countsOnce() {
    String key = journey("call", 2, "10:00", true, null);
    facts.started(key, business, "call", "+15550100099", at(2, "10:00"), true, null);
    assertThat(facts.record(key, JourneyFacts.TEXTED, null, at(2, "10:00:01"))).isTrue();
    assertThat(facts.record(key, JourneyFacts.TEXTED, null, at(2, "10:00:05"))).isFalse();

    assertThat(reports.funnel(business, NY, FROM, TO).calls().texted()).isEqualTo(1);
  }

  @Test
  void weekByWeek_mondaysInTheBusinessZone() {
    fact(journey("call", 2, "10:00", true, null), JourneyFacts.TEXTED, null, 2, "10:00:01"); // Monday 2nd
    fact(journey("call", 8, "23:30", false, null), JourneyFacts.TEXTED, null, 8, "23:30:01"); // Sunday 8th, same week
    journey("call", 9, "00:30", false, null); // Monday 9th, next week

    var weeks = reports.weekly(business, NY, LocalDate.of(2026, 11, 15), 2);

    assertThat(weeks).hasSize(2);
    assertThat(weeks.get(0).weekStarting()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(weeks.get(0).leads()).isEqualTo(2);
    assertThat(weeks.get(0).texted()).isEqualTo(2);
    assertThat(weeks.get(1).leads()).isEqualTo(1);
  }

  // ---- the HTTP API

  @org.junit.jupiter.api.Test
  void eachBusinessSaysWhichCrmItRuns() throws Exception {
    var businesses = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/api/businesses", ADMIN_AUTH).body());
    java.util.Map<String, String> crm = new java.util.HashMap<>();
    businesses.forEach(b -> crm.put(b.get("id").asText(), b.get("crm").asText()));
    assertThat(crm).containsEntry("demo-plumbing", "hubspot").containsEntry("late-electric", "hubspot")
        .containsEntry("cool-air", "none").containsEntry("capped-hvac", "none");
  }

  HttpResponse<String> get(String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApi_answersAdminsWithJsonAndCsv_andRefusesEveryoneElse() throws Exception {
    assertThat(get("/api/reports/funnel?business=demo-plumbing", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/reports/funnel?business=demo-plumbing", "Basic " + java.util.Base64.getEncoder()
        .encodeToString("admin:wrong".getBytes())).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    // The scrape login in Prometheus's config reads metrics and nothing else: it cannot send a text.
    String scraper = "Basic " + java.util.Base64.getEncoder().encodeToString("scraper:scraper-password".getBytes());
    assertThat(get("/actuator/prometheus", scraper).statusCode()).isEqualTo(200);
    assertThat(get("/api/businesses", scraper).statusCode()).isEqualTo(403);
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/demo-plumbing%3A%2B15550001111/replies")).header("Authorization", scraper)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"x\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

    HttpResponse<String> json = get("/api/reports/funnel?business=demo-plumbing&from=2026-11-01&to=2026-11-30", ADMIN_AUTH);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"business\":\"demo-plumbing\"", "\"recoveryRate\"", "\"health\"");

    HttpResponse<String> csv = get("/api/reports/funnel.csv?business=demo-plumbing&from=2026-11-01&to=2026-11-30", ADMIN_AUTH);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("business,from,to,measure,calls,forms,all\n")
        .contains("demo-plumbing,2026-11-01,2026-11-30,recovery_rate,");

    assertThat(get("/api/reports/funnel?business=nobody", ADMIN_AUTH).statusCode()).isEqualTo(404);
    HttpResponse<String> badDate = get("/api/reports/funnel?business=demo-plumbing&from=November", ADMIN_AUTH);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("from must be a date like 2026-11-01");
    assertThat(get("/api/reports/funnel?business=demo-plumbing&from=2026-11-30&to=2026-11-01", ADMIN_AUTH).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/reports/funnel?business=demo-plumbing&from=2024-01-01&to=2026-11-01", ADMIN_AUTH).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/reports/weekly?business=demo-plumbing&weeks=0", ADMIN_AUTH).statusCode()).isEqualTo(400);
  }

  @Test
  void prometheus_showsTheJourneyFactsPerBusiness() throws Exception {
    String key = journey("call", 2, "10:00", true, null);
    fact(key, JourneyFacts.TEXTED, null, 2, "10:00:01");
    fact(key, JourneyFacts.REPLY, "0", 2, "10:01");
    facts.record(key, JourneyFacts.HUMAN_REPLY, null, at(2, "10:03"));

    HttpResponse<String> scrape = get("/actuator/prometheus", ADMIN_AUTH);

    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("textback_journeys_total{application=\"textback\",business=\"" + business + "\",channel=\"call\"} 1.0")
        .contains("textback_journey_facts_total{application=\"textback\",business=\"" + business + "\",channel=\"call\",kind=\"reply\"} 1.0")
        .contains("textback_response_time_seconds_count{application=\"textback\",business=\"" + business + "\",business_hours=\"true\"} 1");
    // the Grafana dashboard in the repo reads only metrics the worker exports
    String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/grafana/textback-dashboard.json"));
    java.util.regex.Matcher metric = java.util.regex.Pattern.compile("textback_[a-z_]+").matcher(dashboard);
    int checked = 0;
    while (metric.find()) {
      assertThat(scrape.body()).as("dashboard metric " + metric.group()).contains(metric.group() + "{");
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
    // an answer 3 minutes after the call: inside the 5-minute SLA's bucket, outside the 2-minute one
    assertThat(scrape.body()).contains("textback_response_time_seconds_bucket{application=\"textback\",business=\"" + business
        + "\",business_hours=\"true\",le=\"300.0\"} 1").contains("textback_response_time_seconds_bucket{application=\"textback\","
        + "business=\"" + business + "\",business_hours=\"true\",le=\"120.0\"} 0");
  }
}
