package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.TwilioPhone;
import io.textback.testkit.TwilioPhone.Call;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two workers on one engine and one PostgreSQL, as production scales out: a burst of missed calls
 * whose every webhook reaches both workers (one first, then the other, alternating), one worker
 * killed with SIGKILL halfway and started again. Every caller is texted exactly once, each call is
 * one journey, nothing ends in an incident, and the HubSpot portal's limit of 100 requests per 10 s
 * holds for both workers together (the budget is kept in PostgreSQL). {@code -DtwoWorkerRuns=10}
 * plays the burst ten times in a row.
 */
class TwoWorkersTest {
  static final String BUSINESS = LocalStack.DEMO_TWILIO_NUMBER;
  static final int CALLERS_PER_RUN = 24;
  static final AtomicInteger CALLERS = new AtomicInteger();
  static RunningStack running;

  @BeforeAll
  static void start() throws Exception {
    running = RunningStack.start(Map.of("textback.businesses[0].quiet-hours", "00:00-24:00"));
  }

  @AfterAll
  static void stop() throws Exception {
    running.stack().close();
  }

  /** Every webhook of one missed call (ringing, no answer, hang-up at the greeting), each through {@code deliver}. */
  static String missedCall(Call call, Consumer<Consumer<TwilioPhone>> deliver) {
    deliver.accept(phone -> call.through(phone).rings());
    deliver.accept(phone -> call.through(phone).dialEnded("no-answer"));
    deliver.accept(phone -> call.through(phone).hangsUpAtGreeting());
    return call.callSid();
  }

  @Test
  void aBurstOnTwoWorkers_oneKilledMidway_everyCallerTextedOnce_oneJourneyEach_no429() throws Exception {
    int runs = Integer.getInteger("twoWorkerRuns", 1);
    for (int run = 1; run <= runs; run++) {
      playBurst(run);
    }
  }

  @Test
  void aWorkerStoppedWithSigterm_handsItsJobsBack_andExitsWithinItsGrace() throws Exception {
    LocalStack stack = running.stack();
    int port = LocalPorts.free();
    Map<String, Object> own = Map.of("server.port", port,
        "textback.spool.directory", Files.createTempDirectory("textback-stopped-worker-spool-").toString());
    TwilioPhone second = new TwilioPhone(URI.create("http://localhost:" + port), stack.publicBaseUrl(), stack.twilioAuthToken());
    int dealsBefore = stack.hubspot().records("0-3").size();
    List<String> callers = new ArrayList<>();
    stack.hubspot().wireMock().setGlobalFixedDelay(1500); // CRM steps slow: the stopping worker holds some
    Duration exit;
    try (WorkerProcess other = WorkerProcess.start(stack, own)) {
      for (int i = 0; i < 12; i++) {
        String caller = "+1555" + String.format("%07d", 8_500_000 + CALLERS.incrementAndGet());
        callers.add(caller);
        Call call = second.call(caller, BUSINESS);
        call.missed();
        call.hangsUpAtGreeting();
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> callers.stream().allMatch(c -> stack.twilio().sentTo(c).size() == 1));
      assertThat(stack.hubspot().records("0-3").size() - dealsBefore).as("CRM work left when the worker stops")
          .isLessThan(callers.size());
      exit = other.stop(Duration.ofSeconds(60));
    } finally {
      stack.hubspot().wireMock().setGlobalFixedDelay(0);
    }
    System.out.println("TwoWorkersTest: SIGTERM to exit " + exit.toMillis() + " ms");
    assertThat(exit).as("SIGTERM to exit: its running jobs end, the rest are handed back").isLessThan(Duration.ofSeconds(30));
    // HubSpot is quick again and no engine time passes: the rest is done within seconds, unless a job
    // the stopped worker held waits out its 5-minute timeout, or was cut off and waits out its 30-second backoff
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> stack.hubspot().records("0-3").size() >= dealsBefore + callers.size());
    for (String caller : callers) {
      assertThat(stack.twilio().sentTo(caller)).hasSize(1);
    }
    assertThat(stack.engine().incidentCount()).isZero();
  }

  private void playBurst(int run) throws Exception {
    LocalStack stack = running.stack();
    TwilioPhone first = running.phone();
    int port = LocalPorts.free();
    Path spool = Files.createTempDirectory("textback-second-worker-spool-");
    Map<String, Object> own = Map.of("server.port", port, "textback.spool.directory", spool.toString());
    TwilioPhone second = new TwilioPhone(URI.create("http://localhost:" + port), stack.publicBaseUrl(), stack.twilioAuthToken());
    long rateLimitedBefore = stack.hubspot().rateLimitedCount();
    int dealsBefore = stack.hubspot().records("0-3").size();
    stack.hubspot().limitTo(100);
    List<String> callers = new ArrayList<>();
    List<String> callSids = new ArrayList<>();
    WorkerProcess other = WorkerProcess.start(stack, own);
    try {
      for (int i = 0; i < CALLERS_PER_RUN; i++) {
        if (i == CALLERS_PER_RUN / 3) {
          other.kill(); // mid-burst: whatever it held is now nobody's until the engine times it out
        }
        if (i == 2 * CALLERS_PER_RUN / 3) {
          other = WorkerProcess.start(stack, own);
        }
        String caller = "+1555" + String.format("%07d", 8_000_000 + CALLERS.incrementAndGet());
        callers.add(caller);
        List<TwilioPhone> order = i % 2 == 0 ? List.of(first, second) : List.of(second, first);
        // Twilio delivers each webhook to one worker; here each goes to both, the repeat recognised
        callSids.add(missedCall(first.call(caller, BUSINESS), webhook -> order.forEach(phone -> {
          try {
            webhook.accept(phone);
          } catch (IllegalStateException killed) {
            // the killed worker does not answer: the other one has it
          }
        })));
      }
      // a job the killed worker had taken comes back after its 5-minute timeout
      stack.engine().increaseTime(Duration.ofMinutes(6));
      await().atMost(Duration.ofSeconds(90)).until(() -> callers.stream().allMatch(c -> stack.twilio().sentTo(c).size() >= 1));
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> stack.hubspot().records("0-3").size() >= dealsBefore + callers.size());
      Thread.sleep(2000); // a second text would have shown by now
    } finally {
      other.close();
      stack.hubspot().limitTo(0);
    }
    for (int i = 0; i < callers.size(); i++) {
      assertThat(stack.twilio().sentTo(callers.get(i))).as("run %d: one text-back for %s", run, callers.get(i)).hasSize(1);
      assertThat(stack.engine().instancesWith("missed-call-text-back", "callSid", callSids.get(i)))
          .as("run %d: one journey for %s", run, callers.get(i)).isEqualTo(1);
    }
    // every caller's deal is made; a worker killed between HubSpot's answer and the ledger's record can
    // leave one deal twice (seen once in twelve runs; README, Not yet), so only a lost one fails here
    int deals = stack.hubspot().records("0-3").size() - dealsBefore;
    assertThat(deals).as("run %d: a deal for every caller", run).isGreaterThanOrEqualTo(callers.size());
    if (deals > callers.size()) {
      System.out.println("TwoWorkersTest: run " + run + " made " + (deals - callers.size()) + " deal(s) twice");
    }
    assertThat(stack.hubspot().rateLimitedCount() - rateLimitedBefore)
        .as("run %d: the portal's limit held for both workers together", run).isZero();
    assertThat(stack.engine().incidentCount()).as("run %d: no incident", run).isZero();
  }
}
