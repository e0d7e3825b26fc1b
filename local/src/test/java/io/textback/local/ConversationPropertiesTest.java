package io.textback.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.testkit.FakeMessage;
import io.textback.testkit.TwilioPhone;
import io.textback.testkit.TwilioPhone.Call;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.textback.testkit.contract.ContractViolations;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random orders of calls, replies, STOP (or a revocation in plain English or Spanish), START, booking,
 * answers from the business and the passing of time, played against the whole local stack.
 * Whatever the order: no SMS after STOP until
 * START, one text-back per conversation, and no follow-up inside quiet hours (08:00-21:00 in the
 * lead's timezone; 555 numbers fall back to the business's, New York).
 */
class ConversationPropertiesTest {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String TEXT_BACK_START = "Hi, it's Demo Plumbing. Sorry we missed your call!";
  static final AtomicInteger CALLERS = new AtomicInteger();
  static LocalStack stack;
  static TwilioPhone phone;
  static JdbcClient jdbc;

  sealed interface Action {}
  record MissedCall() implements Action {}
  record Reply() implements Action {}
  /** STOP, or a revocation in the lead's own words (English, Spanish, misspelt). */
  record Stop(String words) implements Action {}
  record Start() implements Action {}
  record Booked() implements Action {}
  record BusinessAnswers() implements Action {}
  record TimePasses(Duration duration) implements Action {}

  @BeforeContainer
  static void start() throws Exception {
    RunningStack running = RunningStack.start(Map.of());
    stack = running.stack();
    phone = running.phone();
    jdbc = running.jdbc();
  }

  /** jqwik runs outside JUnit Jupiter's extensions: the vendors' contracts are checked here. */
  @AfterProperty
  void noRequestOutsideTheVendorsContracts() {
    ContractViolations.assertNone("during this property");
  }

  @AfterContainer
  static void stop() throws Exception {
    stack.close();
  }

  @Provide
  Arbitrary<List<Action>> stories() {
    Arbitrary<Action> action = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.just(new MissedCall())),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new Reply())),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("STOP", "Please stop texting me", "No más mensajes por favor",
            "remove me from your list", "stpo", "dont text me again", "Ya no me escriban").map(Stop::new)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(new Start())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Booked())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new BusinessAnswers())),
        net.jqwik.api.Tuple.of(6, Arbitraries.of(Duration.ofMinutes(6), Duration.ofMinutes(61), Duration.ofMinutes(61),
            Duration.ofHours(5), Duration.ofHours(13), Duration.ofHours(25), Duration.ofDays(3)).map(TimePasses::new)));
    // every story starts with a missed call, so there is a conversation to break
    return action.list().ofMinSize(2).ofMaxSize(8).map(rest -> {
      List<Action> story = new ArrayList<>();
      story.add(new MissedCall());
      story.addAll(rest);
      return story;
    });
  }

  @Provide
  Arbitrary<LocalTime> startTimes() {
    return Arbitraries.integers().between(0, 23).map(hour -> LocalTime.of(hour, 30));
  }

  @Property(tries = 25, seed = "20261129")
  void theRulesHoldWhateverTheOrder(@ForAll("startTimes") LocalTime startAt, @ForAll("stories") List<Action> story)
      throws Exception {
    moveEngineTo(startAt);
    String caller = "+1555%07d".formatted(7_000_000 + CALLERS.incrementAndGet());
    String leadKey = LocalStack.DEMO_BUSINESS + ":" + caller;
    boolean optedOut = false;
    List<Instant> followUpsAtEngineTime = new ArrayList<>();
    int seen = 0;
    for (Action action : story) {
      switch (action) {
        case MissedCall m -> {
          Call call = phone.call(caller, LocalStack.DEMO_TWILIO_NUMBER);
          call.missed();
          call.hangsUpAtGreeting();
        }
        case Reply r -> phone.text(caller, LocalStack.DEMO_TWILIO_NUMBER, "Can you come by tomorrow?");
        case Stop s -> phone.text(caller, LocalStack.DEMO_TWILIO_NUMBER, s.words());
        case Start s -> phone.text(caller, LocalStack.DEMO_TWILIO_NUMBER, "START");
        case Booked b -> stack.engine().publish("lead-booked", leadKey, "deal-" + System.nanoTime(), Map.of());
        case BusinessAnswers a -> businessAnswers(leadKey);
        case TimePasses t -> stack.engine().increaseTime(t.duration());
      }
      settle();
      Duration engineOffset = Duration.between(Instant.now(), stack.engine().now());
      List<FakeMessage> sent = stack.twilio().sentTo(caller);
      List<FakeMessage> fresh = sent.subList(seen, sent.size());
      if (optedOut) {
        assertThat(fresh).as("texts after STOP (story %s)", story).isEmpty();
      }
      for (FakeMessage m : fresh) {
        if (m.body().startsWith("Hi, it's Demo Plumbing again") || m.body().startsWith("Demo Plumbing here, checking in")) {
          followUpsAtEngineTime.add(m.createdAt().plus(engineOffset));
        }
      }
      seen = sent.size();
      if (action instanceof Stop) {
        optedOut = true;
      } else if (action instanceof Start) {
        optedOut = false;
      }
    }
    long textBacks = stack.twilio().sentTo(caller).stream().filter(m -> m.body().startsWith(TEXT_BACK_START)).count();
    long conversations = jdbc.sql("select count(*) from conversation where phone = :p").param("p", caller)
        .query(Long.class).single();
    assertThat(textBacks).as("one text-back per conversation (story %s)", story).isEqualTo(conversations);
    for (Instant at : followUpsAtEngineTime) {
      LocalTime local = at.atZone(ZONE).toLocalTime();
      assertThat(local).as("follow-up at %s (story starting %s: %s)", at, startAt, story)
          .isBetween(LocalTime.of(8, 0), LocalTime.of(21, 0));
    }
  }

  /** Moves the engine's clock forward to the next {@code time} in New York. */
  private void moveEngineTo(LocalTime time) {
    Instant now = stack.engine().now();
    var target = now.atZone(ZONE).with(time);
    if (!target.toInstant().isAfter(now)) {
      target = target.plusDays(1);
    }
    stack.engine().increaseTime(Duration.between(now, target.toInstant()));
  }

  private void businessAnswers(String leadKey) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(URI.create(stack.workerUrl() + "/api/conversations/"
            + java.net.URLEncoder.encode(leadKey, java.nio.charset.StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", LocalStack.adminAuthorization())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"body\":\"We can come at 9am. Does that work?\"}"))
        .build();
    java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the webhooks are published, the engine is idle and no job is left running. */
  private void settle() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int quietRounds = 0;
    while (quietRounds < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      stack.engine().idle();
      long unpublished = jdbc.sql("select count(*) from inbound_event where message_name is not null and published_at is null and dead_at is null")
          .query(Long.class).single();
      quietRounds = unpublished == 0 && !stack.engine().hasUnfinishedJobs() ? quietRounds + 1 : 0;
    }
  }
}
