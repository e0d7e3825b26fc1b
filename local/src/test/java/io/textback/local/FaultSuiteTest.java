package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.FakeMessage;
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
 * in the middle of journeys, and a HubSpot portal answering 429 to most requests. The promise in
 * each: every missed call gets exactly one text at once, and nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {
  static final String BUSINESS = LocalStack.DEMO_TWILIO_NUMBER;
  static final AtomicInteger CALLERS = new AtomicInteger();
  static RunningStack running;

  @BeforeAll
  static void start() throws Exception {
    // texting allowed around the clock, so the follow-up timers do not depend on the hour the suite runs
    running = RunningStack.start(Map.of("textback.businesses[0].quiet-hours", "00:00-24:00"));
  }

  @AfterAll
  static void stop() throws Exception {
    running.stack().close();
  }

  static String newCaller() {
    return "+1555" + String.format("%07d", 6_000_000 + CALLERS.incrementAndGet());
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
    List<String> texted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String caller = newCaller();
      Call call = running.phone().call(caller, BUSINESS);
      call.missed();
      call.hangsUpAtGreeting();
      texted.add(caller);
    }
    List<String> inWindow = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String caller = newCaller();
      running.phone().call(caller, BUSINESS).missed(); // still listening to the greeting
      inWindow.add(caller);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> texted.stream().allMatch(c -> textsTo(c).size() == 1));

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
      List<String> callers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String caller = newCaller();
        Call call = running.phone().call(caller, BUSINESS);
        call.missed();
        call.hangsUpAtGreeting();
        callers.add(caller);
      }
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
}
