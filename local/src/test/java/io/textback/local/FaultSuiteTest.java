package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.textback.testkit.FakeMessage;
import io.textback.testkit.HubSpotFake;
import io.textback.testkit.TwilioFake;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.testkit.WebhookResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults against the whole local stack: a thousand deliveries of one webhook, a worker restarted
 * in the middle of journeys, a HubSpot portal answering 429 to most requests, Twilio failing in each
 * of its ways, PostgreSQL down for a minute while a worker is killed, and HubSpot down for hours. The promise in each: every missed
 * call gets exactly one text at once (or as soon as the failing part is back), and nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {
  static final String BUSINESS = LocalStack.DEMO_TWILIO_NUMBER;
  static final AtomicInteger CALLERS = new AtomicInteger();
  static RunningStack running;

  @BeforeAll
  static void start() throws Exception {
    // texting allowed around the clock, so the follow-up timers do not depend on the hour the suite runs;
    // a HubSpot 5xx retried within milliseconds and a Twilio timeout of 2 s, so outages pass quickly
    running = RunningStack.start(Map.of("textback.businesses[0].quiet-hours", "00:00-24:00",
        "textback.hubspot.initial-backoff", "20ms", "textback.twilio.read-timeout", "2s"));
  }

  @AfterAll
  static void stop() throws Exception {
    running.stack().close();
  }

  static String newCaller() {
    return "+1555" + String.format("%07d", 6_000_000 + CALLERS.incrementAndGet());
  }

  /** A caller the business does not answer, who hangs up during the greeting. */
  static void missedAndHungUp(String caller) {
    Call call = running.phone().call(caller, BUSINESS);
    call.missed();
    call.hangsUpAtGreeting();
  }

  /** That many new callers, each missed and hanging up during the greeting. */
  static List<String> missedCallers(int count) {
    List<String> callers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String caller = newCaller();
      missedAndHungUp(caller);
      callers.add(caller);
    }
    return callers;
  }

  static List<FakeMessage> textsTo(String caller) {
    return running.stack().twilio().sentTo(caller);
  }

  static void parallel(int times, Callable<WebhookResponse> delivery) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<WebhookResponse>> answers = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        answers.add(pool.submit(delivery));
      }
      for (Future<WebhookResponse> answer : answers) {
        assertThat(answer.get().status()).as("every delivery is acknowledged").isBetween(200, 299);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @Order(1)
  void aThousandDeliveriesOfTheSameWebhooks_oneJourneyOneText() throws Exception {
    String caller = newCaller();
    Call call = running.phone().call(caller, BUSINESS);
    call.rings();
    Map<String, String> missed = new LinkedHashMap<>();
    missed.put("AccountSid", "AC00000000000000000000000000000001");
    missed.put("CallSid", call.callSid());
    missed.put("CallStatus", "in-progress");
    missed.put("Direction", "inbound");
    missed.put("From", caller);
    missed.put("To", BUSINESS);
    missed.put("DialCallStatus", "no-answer");
    missed.put("DialCallSid", "CA" + "1".repeat(32));
    missed.put("DialCallDuration", "0");
    Map<String, String> hungUp = new LinkedHashMap<>(missed);
    hungUp.remove("DialCallStatus");
    hungUp.remove("DialCallSid");
    hungUp.remove("DialCallDuration");
    hungUp.put("CallStatus", "completed");
    hungUp.put("CallDuration", "25");

    parallel(1000, () -> running.phone().post("/webhooks/twilio/voice/dial-status", missed));
    parallel(1000, () -> running.phone().post("/webhooks/twilio/voice/status", hungUp));

    await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(caller).size() >= 1);
    Thread.sleep(2000); // a second text would have shown by now
    assertThat(textsTo(caller)).hasSize(1);
    assertThat(running.stack().engine().instancesWith("missed-call-text-back", "callSid", call.callSid())).isEqualTo(1);
    assertThat(running.jdbc().sql("select count(*) from inbound_event where payload->>'CallSid' = :sid")
        .param("sid", call.callSid()).query(Long.class).single()).as("each distinct webhook stored once").isLessThanOrEqualTo(3);
  }

  @Test
  @Order(2)
  void theWorkerRestartedInTheMiddleOfJourneys_noDuplicateText_andTheTimersStillFire() throws Exception {
    running.stack().engine().moveToDaytime(java.time.ZoneId.of("America/New_York")); // follow-up 1 must be allowed to go
    List<String> texted = missedCallers(5);
    List<String> inWindow = new ArrayList<>();
    List<String> inWindowCalls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String caller = newCaller();
      Call call = running.phone().call(caller, BUSINESS);
      call.missed(); // still listening to the greeting
      inWindow.add(caller);
      inWindowCalls.add(call.callSid());
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> texted.stream().allMatch(c -> textsTo(c).size() == 1));
    // The restart must find those two at the gateway whose voicemail timer was set before it; a timer set
    // after the clock moved would not be due yet.
    await().atMost(Duration.ofSeconds(30)).until(() -> inWindowCalls.stream().allMatch(sid -> running.stack().engine()
        .findInstance("missed-call-text-back", "callSid", sid)
        .map(key -> running.stack().engine().isWaitingAt(key, "WaitForCaller")).orElse(false)));

    running.stack().restartWorker();
    running.stack().awaitReady(Duration.ofSeconds(60));

    // Six minutes: the voicemail window passes, and any job the stopped worker had taken but not
    // finished times out (5 minutes) and is handed to the new one.
    running.stack().engine().increaseTime(Duration.ofMinutes(6));
    await().atMost(Duration.ofSeconds(30)).until(() -> inWindow.stream().allMatch(c -> textsTo(c).size() == 1));
    List<String> all = new ArrayList<>(texted);
    all.addAll(inWindow);
    await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(c -> running.jdbc()
        .sql("select count(*) from conversation where phone = :p and state = 'OPEN'").param("p", c)
        .query(Long.class).single() == 1));
    running.stack().engine().increaseTime(Duration.ofMinutes(61)); // follow-up 1 is due for all seven
    await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(c -> textsTo(c).size() == 2));
    Thread.sleep(2000);
    for (String caller : all) {
      assertThat(textsTo(caller)).as("text-back and follow-up 1, each once, for " + caller).hasSize(2);
      assertThat(textsTo(caller).get(0).body()).contains("Sorry we missed your call");
    }
    assertThat(running.stack().engine().incidentCount()).isZero();
  }

  @Test
  @Order(3)
  void aHubSpotPortalAnswering429_textsStillGoAtOnce_andTheCrmCatchesUp() throws Exception {
    int dealsBefore = running.stack().hubspot().records("0-3").size();
    long rateLimitedBefore = running.stack().hubspot().rateLimitedCount();
    running.stack().hubspot().limitTo(8); // far below the 100 per 10 s textback paces itself to
    try {
      List<String> callers = missedCallers(6);
      await().atMost(Duration.ofSeconds(15)).until(() -> callers.stream().allMatch(c -> textsTo(c).size() == 1));
      assertThat(running.stack().hubspot().records("0-3").size() - dealsBefore)
          .as("the texts did not wait for the CRM").isLessThan(callers.size());

      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
          .until(() -> running.stack().hubspot().records("0-3").size() >= dealsBefore + callers.size());
      assertThat(running.stack().hubspot().rateLimitedCount()).as("the storm happened").isGreaterThan(rateLimitedBefore);
      assertThat(running.stack().engine().incidentCount()).isZero();
      callers.forEach(c -> assertThat(textsTo(c)).hasSize(1));
    } finally {
      running.stack().hubspot().limitTo(0);
    }
  }

  static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";

  /** A Twilio answer for one caller's text, in a scenario of answers one after the other. */
  static void twilioAnswers(String scenario, String caller, List<ResponseDefinitionBuilder> answers) {
    for (int i = 0; i < answers.size(); i++) {
      running.stack().twilio().wireMock().stubFor(post(urlPathMatching(MESSAGES))
          .withRequestBody(containing("To=" + java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8)))
          .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i)
          .willSetStateTo("answer-" + (i + 1)).willReturn(answers.get(i)));
    }
  }

  static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":" + status + "}");
  }

  static long postsFor(String caller) {
    return running.stack().twilio().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().contains("Messages")
            && e.getRequest().getBodyAsString().contains(java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8)))
        .count();
  }

  /** Lets retry backoffs pass on the engine's clock until the condition holds. */
  static void untilWithEngineTime(Duration step, Duration atMost, Callable<Boolean> condition) {
    await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
      if (condition.call()) {
        return true;
      }
      running.stack().engine().increaseTime(step);
      return false;
    });
  }

  @Test
  @Order(4)
  void twilioFailingInEachOfItsWays_oneTextPerCaller_onceTwilioRecovers() throws Exception {
    String ambiguous = newCaller();
    String rateLimited = newCaller();
    // a 500, then an answer slower than textback waits (Twilio took the message, textback never heard)
    twilioAnswers("twilio-500-then-timeout", ambiguous, List.of(
        twilioError(500, 20500, "Internal Server Error"),
        TwilioFake.acceptsAfter(Duration.ofSeconds(3))));
    // 20429 (too many requests) five times in a row: more than textback's own quick retries
    twilioAnswers("twilio-20429", rateLimited, java.util.Collections.nCopies(5,
        twilioError(429, 20429, "Too Many Requests")));

    missedAndHungUp(ambiguous);
    missedAndHungUp(rateLimited);
    untilWithEngineTime(Duration.ofSeconds(16), Duration.ofSeconds(90),
        () -> textsTo(ambiguous).size() == 1 && textsTo(rateLimited).size() == 1);
    running.stack().engine().increaseTime(Duration.ofSeconds(16)); // any retry still pending runs now
    Thread.sleep(3000); // and a second text would have shown by now

    assertThat(textsTo(ambiguous)).as("the message Twilio took during the timeout, found and not sent again").hasSize(1);
    assertThat(postsFor(ambiguous)).as("the 500, the timed-out send, and nothing after").isEqualTo(2);
    assertThat(textsTo(rateLimited)).hasSize(1);
    assertThat(postsFor(rateLimited)).as("five 429s, then the text").isEqualTo(6);
    assertThat(running.stack().engine().incidentCount()).isZero();
  }

  /** How long PostgreSQL stays down in the outage test: the minute. */
  static final Duration OUTAGE = Duration.ofSeconds(60);

  @Test
  @Order(5)
  void postgresDownForAMinute_andTheWorkerKilledMeanwhile_callersTextedOnce_theReplyKept_theStopHonoured() throws Exception {
    String replying = newCaller();
    String stopping = newCaller();
    missedAndHungUp(replying);
    missedAndHungUp(stopping);
    String listening = newCaller();
    running.phone().call(listening, BUSINESS).missed(); // in the voicemail window when PostgreSQL goes
    await().atMost(Duration.ofSeconds(15)).until(() -> textsTo(replying).size() == 1 && textsTo(stopping).size() == 1);

    // the outage's worker is a process of its own, so that it can be killed with SIGKILL
    String workerUrl = running.stack().workerUrl();
    running.stack().stopWorker();
    String caller = newCaller();
    Call during;
    try (WorkerProcess worker = WorkerProcess.start(running.stack(), Map.of())) {
      long outageStart = System.nanoTime();
      running.stack().database().stop();
      try {
        // the caller still rings through and hears the greeting: Twilio would only play its error
        during = running.phone().call(caller, BUSINESS);
        assertThat(during.rings().body()).contains("<Dial");
        long start = System.nanoTime();
        WebhookResponse answered = during.dialEnded("no-answer");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("<Say").contains("<Record");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("within Twilio's 15 s").isLessThan(Duration.ofSeconds(15));
        assertThat(during.hangsUpAtGreeting().status()).isEqualTo(200);
        // Twilio sends a lead's text once: it is taken (spooled), not refused
        assertThat(running.phone().text(replying, BUSINESS, "Tomorrow at 9 works").status()).isEqualTo(200);
        assertThat(running.phone().text(stopping, BUSINESS, "STOP").status()).isEqualTo(200);
        // a form's sender can send it again: refused cleanly, never a 500
        HttpResponse<String> form = HttpClient.newHttpClient().send(
            DemoForm.post(workerUrl, "pg-down-1", newCaller()), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();
        assertThat(form.body()).contains("database is unavailable");

        // the listening caller's window ends during the outage: the text waits for PostgreSQL
        running.stack().engine().increaseTime(Duration.ofSeconds(46));
        worker.kill();
        Duration left = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - outageStart));
        if (!left.isNegative()) {
          Thread.sleep(left.toMillis());
        }
        assertThat(textsTo(listening)).isEmpty();
        assertThat(textsTo(caller)).isEmpty();
      } finally {
        running.stack().database().start();
      }
    } finally {
      running.stack().startStoppedWorker(); // finds the killed worker's spool and reads it first
    }
    running.stack().awaitReady(Duration.ofSeconds(60));
    // any job the killed worker held comes back after its 5-minute timeout
    running.stack().engine().increaseTime(Duration.ofMinutes(6));

    await().atMost(Duration.ofSeconds(60)).until(() -> textsTo(caller).size() == 1 && textsTo(listening).size() == 1);
    assertThat(running.jdbc().sql("select count(*) from conversation_message where phone = :p and direction = 'IN' and body = :b")
        .param("p", replying).param("b", "Tomorrow at 9 works").query(Long.class).single()).as("the reply, kept once").isEqualTo(1);
    assertThat(running.jdbc().sql("select count(*) from opt_out where phone = :p").param("p", stopping).query(Long.class).single())
        .as("the STOP, honoured").isEqualTo(1);

    running.stack().engine().increaseTime(Duration.ofMinutes(61)); // follow-up 1 is due
    await().atMost(Duration.ofSeconds(60)).until(() -> textsTo(caller).size() == 2 && textsTo(listening).size() == 2);
    Thread.sleep(2000);
    assertThat(textsTo(caller)).as("text-back and follow-up, each once").hasSize(2);
    assertThat(textsTo(listening)).hasSize(2);
    assertThat(textsTo(stopping)).as("nothing after the STOP").hasSize(1);
    assertThat(running.stack().twilio().bodiesTo(replying).stream().filter(b -> b.contains("Sorry we missed your call")))
        .as("one text-back").hasSize(1);
    assertThat(running.stack().engine().incidentCount()).as("no step ran out of retries while it waited").isZero();
  }

  @Test
  @Order(6)
  void hubSpotDownForThreeHours_textsGoAtOnce_andTheCrmIsDoneWhenItReturns() throws Exception {
    HubSpotFake hubspot = running.stack().hubspot();
    int dealsBefore = hubspot.records("0-3").size();
    long incidentsBefore = running.stack().engine().incidentCount();
    var down = hubspot.wireMock().stubFor(any(urlPathMatching("/(crm|conversations)/.*"))
        .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"error\",\"message\":\"Service Unavailable\"}")));
    List<String> callers = new ArrayList<>();
    try {
      callers.addAll(missedCallers(3));
      await().atMost(Duration.ofSeconds(15)).until(() -> callers.stream().allMatch(c -> textsTo(c).size() == 1));

      // three hours on the engine's clock, five minutes at a time: each due retry runs at each step,
      // so the former wait (30 s, 10 retries) would run out within the first hour
      int requestsBefore = hubspot.requestCount();
      for (int step = 0; step < 36; step++) {
        running.stack().engine().increaseTime(Duration.ofMinutes(5));
        Thread.sleep(150);
      }
      assertThat(hubspot.requestCount() - requestsBefore).as("HubSpot was tried throughout").isGreaterThan(30);
      assertThat(hubspot.records("0-3")).hasSize(dealsBefore);
      assertThat(running.stack().engine().incidentCount()).as("three hours in, no step has run out of retries")
          .isEqualTo(incidentsBefore);
    } finally {
      hubspot.wireMock().removeStub(down);
    }

    running.stack().engine().increaseTime(Duration.ofMinutes(15)); // the longest a step waits
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> callers.stream()
        .allMatch(c -> hubspot.records("0-3").stream().filter(d -> ("Missed call from " + c).equals(d.properties().get("dealname"))).count() == 1));
    assertThat(running.stack().engine().incidentCount()).isEqualTo(incidentsBefore);
    for (String caller : callers) {
      assertThat(running.stack().twilio().bodiesTo(caller).stream().filter(b -> b.contains("Sorry we missed your call")))
          .as("one text-back for " + caller).hasSize(1);
    }
  }
}
