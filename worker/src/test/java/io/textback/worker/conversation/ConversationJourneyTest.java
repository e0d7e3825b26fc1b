package io.textback.worker.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.FakeMessage;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.testkit.WebhookResponse;
import io.textback.worker.support.WorkerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conversation after the text-back, end to end: replies, follow-ups, escalation, STOP, hours. */
class ConversationJourneyTest extends WorkerIntegrationTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  /** A missed call where the caller hangs up at the greeting: texted at once, conversation open. */
  Call textedCaller(String caller, String businessNumber) {
    Call call = phone().call(caller, businessNumber);
    call.rings();
    call.dialEnded("no-answer");
    call.hangsUpAtGreeting();
    awaitSms(caller, 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> openConversation(caller) != null);
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("lead-replied", leadKey(caller, businessNumber)));
    return call;
  }

  static String leadKey(String caller, String businessNumber) {
    return (businessNumber.equals(LATE_NUMBER) ? "late-electric:" : "demo-plumbing:") + caller;
  }

  Long openConversation(String caller) {
    return jdbc.sql("select id from conversation where phone = :p and state = 'OPEN'").param("p", caller)
        .query(Long.class).optional().orElse(null);
  }

  String outcome(String caller) {
    return jdbc.sql("select outcome from conversation where phone = :p order by id desc limit 1").param("p", caller)
        .query(String.class).optional().orElse(null);
  }

  List<FakeMessage> awaitSms(String to, int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(to).size() >= count);
    assertThat(twilio().sentTo(to)).hasSize(count);
    return twilio().sentTo(to);
  }

  List<FakeMessage> escalationsAbout(String staff, String caller) {
    return twilio().sentTo(staff).stream().filter(m -> m.body().contains(caller)).toList();
  }

  void awaitReplyNoticed(String caller) {
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("agent-replied", leadKey(caller, DEMO_NUMBER)));
  }

  HttpResponse<String> agentReply(String leadKey, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + URLEncoder.encode(leadKey, StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> agentReply(String leadKey, String json, String idempotencyKey) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + URLEncoder.encode(leadKey, StandardCharsets.UTF_8) + "/replies"))
        .header("Content-Type", "application/json").header("Authorization", ADMIN_AUTH)
        .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anIdempotencyKey_isScopedToItsConversation_andMeansOneText() throws Exception {
    String ann = newCaller();
    String bo = newCaller();
    textedCaller(ann, DEMO_NUMBER);
    textedCaller(bo, DEMO_NUMBER);
    String key = "reply-" + java.util.UUID.randomUUID();

    HttpResponse<String> toAnn = agentReply(leadKey(ann, DEMO_NUMBER), "{\"body\":\"We can come at 3pm.\"}", key);
    HttpResponse<String> toBo = agentReply(leadKey(bo, DEMO_NUMBER), "{\"body\":\"We can come at 3pm.\"}", key);
    HttpResponse<String> annAgain = agentReply(leadKey(ann, DEMO_NUMBER), "{\"body\":\"We can come at 3pm.\"}", key);
    HttpResponse<String> annOtherWords = agentReply(leadKey(ann, DEMO_NUMBER), "{\"body\":\"Actually 5pm.\"}", key);

    assertThat(toAnn.statusCode()).isEqualTo(201);
    assertThat(toBo.statusCode()).as("another lead: another text").isEqualTo(201);
    assertThat(toBo.body()).doesNotContain(new com.fasterxml.jackson.databind.ObjectMapper().readTree(toAnn.body())
        .path("messageSid").asText());
    assertThat(annAgain.statusCode()).isEqualTo(201);
    assertThat(annAgain.body()).isEqualTo(toAnn.body());
    assertThat(annOtherWords.statusCode()).isEqualTo(422);
    assertThat(annOtherWords.body()).contains("was used for another reply in this conversation");
    assertThat(twilio().bodiesTo(ann)).filteredOn(b -> b.contains("3pm") || b.contains("5pm")).containsExactly("We can come at 3pm.");
    assertThat(twilio().bodiesTo(bo)).filteredOn(b -> b.contains("3pm")).containsExactly("We can come at 3pm.");
  }

  @Test
  void silentLead_getsFollowUp1AfterAnHourAndFollowUp2AfterADay() {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);

    engine().increaseTime(Duration.ofMinutes(59));
    assertThat(twilio().sentTo(caller)).hasSize(1);
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(awaitSms(caller, 2).get(1).body()).isEqualTo("Hi, it's Demo Plumbing again. We'd still love to help. What can we do for you?");

    engine().increaseTime(Duration.ofHours(24).plusMinutes(1));
    assertThat(awaitSms(caller, 3).get(2).body()).startsWith("Demo Plumbing here, checking in one last time.");
    engine().increaseTime(Duration.ofDays(2).plusMinutes(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> "No reply".equals(outcome(caller)));
  }

  @Test
  void aReplyStopsTheFollowUpsAndTheDispatcherThenTheManagerAreTextedWhenNobodyAnswers() {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);

    assertThat(phone().text(caller, DEMO_NUMBER, "Hi, my water heater is leaking").status()).isEqualTo(200);
    awaitReplyNoticed(caller);
    engine().increaseTime(Duration.ofMinutes(4));
    assertThat(escalationsAbout(DISPATCHER, caller)).isEmpty();
    engine().increaseTime(Duration.ofMinutes(2));

    await().atMost(Duration.ofSeconds(10)).until(() -> escalationsAbout(DISPATCHER, caller).size() == 1);
    // what a dispatcher acts on: who, what they wrote, how long they waited, where to answer
    long conversation = jdbc.sql("select id from conversation where phone = :p").param("p", caller).query(Long.class).single();
    // (the minutes count from the reply's database time to the engine's clock, which this suite moves)
    assertThat(escalationsAbout(DISPATCHER, caller).get(0).body()).matches(java.util.regex.Pattern.quote("textback: " + caller
        + " wrote to Demo Plumbing and has waited ") + "\\d+" + java.util.regex.Pattern.quote(" min: \"Hi, my water heater is leaking\""
        + " Answer now: " + io.textback.worker.support.TestInfrastructure.PUBLIC_BASE_URL + "/console/inbox/" + conversation));
    engine().increaseTime(Duration.ofMinutes(31));
    await().atMost(Duration.ofSeconds(10)).until(() -> escalationsAbout(MANAGER, caller).size() == 1);

    engine().increaseTime(Duration.ofHours(2));
    assertThat(twilio().sentTo(caller)).as("no follow-up after a reply").hasSize(1);
    assertThat(jdbc.sql("select count(*) from escalation e join conversation c on c.id = e.conversation_id where c.phone = :p")
        .param("p", caller).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void theBusinessAnswersThroughTheApi_leadGetsTheTextAndNobodyIsEscalated() throws Exception {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);
    phone().text(caller, DEMO_NUMBER, "Can someone come today?");
    awaitReplyNoticed(caller);

    HttpResponse<String> response = agentReply(leadKey(caller, DEMO_NUMBER),
        "{\"body\":\"Yes! A plumber can be there at 3pm. Does that work?\",\"agent\":\"Dana\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(awaitSms(caller, 2).get(1).body()).isEqualTo("Yes! A plumber can be there at 3pm. Does that work?");
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine().isWaitingFor("agent-replied", leadKey(caller, DEMO_NUMBER))
        || jdbc.sql("select first_agent_reply_at is not null from conversation where phone = :p").param("p", caller)
            .query(Boolean.class).single());
    engine().increaseTime(Duration.ofMinutes(40));
    assertThat(escalationsAbout(DISPATCHER, caller)).isEmpty();
    assertThat(escalationsAbout(MANAGER, caller)).isEmpty();
  }

  @Test
  void theRepliesApiRefusesWhatItCannotDo() throws Exception {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);

    assertThat(agentReply("demo-plumbing:+15559990001", "{\"body\":\"hi\"}").statusCode()).isEqualTo(404);
    HttpResponse<String> empty = agentReply(leadKey(caller, DEMO_NUMBER), "{\"body\":\" \"}");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("body is required");
    assertThat(agentReply(leadKey(caller, DEMO_NUMBER), "{not json").statusCode()).isEqualTo(400);
    assertThat(agentReply(leadKey(caller, DEMO_NUMBER), "{\"body\":\"" + "x".repeat(1601) + "\"}").statusCode()).isEqualTo(422);
  }

  @Test
  void stop_endsTheConversationAndNothingMoreIsSentEvenWhenTimersFire_startAllowsTextsAgain() throws Exception {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);

    assertThat(phone().text(caller, DEMO_NUMBER, " stop ").status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> "Opted out".equals(outcome(caller)));
    engine().increaseTime(Duration.ofDays(4));
    assertThat(twilio().sentTo(caller)).hasSize(1);
    Call again = phone().call(caller, DEMO_NUMBER);
    again.missed();
    again.hangsUpAtGreeting();
    long journey = await().atMost(Duration.ofSeconds(10)).until(
        () -> engine().findInstance("missed-call-text-back", "callSid", again.callSid()), java.util.Optional::isPresent).get();
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine().endEventsNow(journey).isEmpty());
    assertThat(engine().variable(journey, "notTextedReason")).isEqualTo("opted_out");
    assertThat(agentReply(leadKey(caller, DEMO_NUMBER), "{\"body\":\"hello?\"}").statusCode()).isEqualTo(404);

    phone().text(caller, DEMO_NUMBER, "START");
    assertThat(jdbc.sql("select count(*) from opt_out where phone = :p").param("p", caller).query(Long.class).single()).isZero();
    Call third = phone().call(caller, DEMO_NUMBER);
    third.missed();
    third.hangsUpAtGreeting();
    awaitSms(caller, 2);
  }

  @org.springframework.beans.factory.annotation.Autowired ConversationReconciler reconciler;

  @Test
  void aConversationWhoseProcessWasCancelled_isClosed_andTheCallerIsTextedBackAgain() {
    String caller = newCaller();
    Call first = textedCaller(caller, DEMO_NUMBER);
    String other = newCaller();
    textedCaller(other, DEMO_NUMBER);
    long journey = engine().findInstance("missed-call-text-back", "callSid", first.callSid()).orElseThrow();

    // An admin cancels the journey in Operate: no end listener runs, the conversation row stays OPEN.
    engine().client().newCancelInstanceCommand(journey).send().join();
    assertThat(reconciler.reconcileOpenedBefore(java.time.Instant.now().plusSeconds(5))).isGreaterThanOrEqualTo(1);

    assertThat(outcome(caller)).isEqualTo("Process gone");
    assertThat(openConversation(other)).as("a conversation whose process runs stays open").isNotNull();
    Call again = phone().call(caller, DEMO_NUMBER);
    again.missed();
    again.hangsUpAtGreeting();
    awaitSms(caller, 2);
  }

  @Test
  void aStopReplayedAfterAStart_changesNothing() {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);
    String stopSid = "SM" + java.util.UUID.randomUUID().toString().replace("-", "");

    phone().text(caller, DEMO_NUMBER, "STOP", stopSid);
    await().atMost(Duration.ofSeconds(10)).until(() -> "Opted out".equals(outcome(caller)));
    phone().text(caller, DEMO_NUMBER, "START");
    // The captured STOP delivered again (same MessageSid, Twilio's signature and all).
    assertThat(phone().text(caller, DEMO_NUMBER, "STOP", stopSid).status()).isEqualTo(200);

    assertThat(jdbc.sql("select count(*) from opt_out where phone = :p").param("p", caller).query(Long.class).single())
        .as("still opted in").isZero();
  }

  /**
   * A revocation in the lead's own words, from any state of the conversation: opted out at once with
   * one confirmation, the business's answer refused, no follow-up whatever the timers do.
   */
  @Test
  void aRevocationInPlainWordsOrSpanish_optsOutFromAnyState_withOneConfirmation() throws Exception {
    String atTextBack = newCaller();
    textedCaller(atTextBack, DEMO_NUMBER);
    WebhookResponse stop = phone().text(atTextBack, DEMO_NUMBER, "Please stop texting me");
    assertThat(stop.body()).contains("<Message>Demo Plumbing: you are opted out and will get no more texts from us.");

    String afterAReply = newCaller();
    textedCaller(afterAReply, DEMO_NUMBER);
    phone().text(afterAReply, DEMO_NUMBER, "Can you stop by tomorrow at 3?");
    awaitReplyNoticed(afterAReply);
    assertThat(openConversation(afterAReply)).as("an ordinary reply").isNotNull();
    phone().text(afterAReply, DEMO_NUMBER, "No más mensajes por favor");

    String afterAFollowUp = newCaller();
    textedCaller(afterAFollowUp, DEMO_NUMBER);
    engine().increaseTime(Duration.ofMinutes(61));
    awaitSms(afterAFollowUp, 2);
    WebhookResponse removeMe = phone().text(afterAFollowUp, DEMO_NUMBER, "remove me from your list");
    WebhookResponse again = phone().text(afterAFollowUp, DEMO_NUMBER, "I said remove me!!");

    for (String lead : List.of(atTextBack, afterAReply, afterAFollowUp)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "Opted out".equals(outcome(lead)));
    }
    assertThat(removeMe.body()).contains("<Message>");
    assertThat(again.body()).as("at most one confirmation").doesNotContain("<Message>");
    int before = twilio().sentTo(afterAReply).size();
    engine().increaseTime(Duration.ofDays(3));
    assertThat(twilio().sentTo(atTextBack)).hasSize(1);
    assertThat(twilio().sentTo(afterAReply)).hasSize(before);
    assertThat(twilio().sentTo(afterAFollowUp)).hasSize(2);
    assertThat(jdbc.sql("select count(*) from opt_out where phone in (:a, :b, :c)").param("a", atTextBack)
        .param("b", afterAReply).param("c", afterAFollowUp).query(Long.class).single()).isEqualTo(3);
  }

  /** A text that may revoke consent pauses the automation; a person decides in the console or the CRM. */
  @Test
  void aDoubtfulText_pausesTheFollowUpsUntilAPersonDecides() throws Exception {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);
    phone().text(caller, DEMO_NUMBER, "not interested");
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select review from conversation where phone = :p and state = 'OPEN'")
        .param("p", caller).query(String.class).optional().orElse("").contains("possible opt-out"));

    engine().increaseTime(Duration.ofMinutes(61));
    assertThat(twilio().sentTo(caller)).as("no follow-up while paused").hasSize(1);
    HttpResponse<String> decided = decide(leadKey(caller, DEMO_NUMBER), "opt-out");
    assertThat(decided.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> "Opted out".equals(outcome(caller)));
    assertThat(decide(leadKey(caller, DEMO_NUMBER), "opt-out").statusCode()).isEqualTo(404);
    assertThat(decide(leadKey(caller, DEMO_NUMBER), "maybe").statusCode()).isEqualTo(404);

    String other = newCaller();
    textedCaller(other, DEMO_NUMBER);
    phone().text(other, DEMO_NUMBER, "no thanks");
    await().atMost(Duration.ofSeconds(10)).until(() -> decide(leadKey(other, DEMO_NUMBER), "not-opt-out").statusCode() == 200);
    assertThat(decide(leadKey(other, DEMO_NUMBER), "not-opt-out").statusCode()).as("decided already").isEqualTo(409);
    assertThat(openConversation(other)).isNotNull();
  }

  HttpResponse<String> decide(String leadKey, String decision) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/conversations/" + URLEncoder.encode(leadKey, StandardCharsets.UTF_8) + "/review/" + decision))
        .header("Authorization", ADMIN_AUTH).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void help_answersWithTheBusinessNameAndNumber() {
    String caller = newCaller();

    WebhookResponse response = phone().text(caller, DEMO_NUMBER, "HELP");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("<Message>Demo Plumbing: we text you about your call or request. Call us at +15550100000. Reply STOP to opt out.</Message>");
  }

  @Test
  void aSecondMissedCallDuringTheConversation_noSecondTextAndItIsRecorded() {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);

    Call second = phone().call(caller, DEMO_NUMBER);
    second.rings();
    assertThat(second.dialEnded("no-answer").body()).contains("<Record ");
    second.hangsUpAtGreeting();

    await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("select repeat_calls from conversation where phone = :p and state = 'OPEN'")
        .param("p", caller).query(Integer.class).single() == 1);
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).hasSize(1);
    assertThat(engine().findInstance("missed-call-text-back", "callSid", second.callSid())).isEmpty();
  }

  @Test
  void deliveryStatusesOnlyMoveForwardAndAnUndeliverableNumberIsNotTextedAgain() throws Exception {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);
    var sent = twilio().sentTo(caller).get(0);
    String sid = sent.sid();

    phone().deliveryStatus(sent, "sent", null);
    phone().deliveryStatus(sent, "delivered", null);
    phone().deliveryStatus(sent, "sent", null); // late and out of order
    assertThat(jdbc.sql("select delivery_status from sms_outbox where message_sid = :s").param("s", sid)
        .query(String.class).single()).isEqualTo("delivered");

    phone().deliveryStatus(sent, "undelivered", 30006); // no To: the outbox knows the recipient
    assertThat(jdbc.sql("select textable from phone_line where phone = :p").param("p", caller).query(Boolean.class).single()).isFalse();
    HttpResponse<String> refused = agentReply(leadKey(caller, DEMO_NUMBER), "{\"body\":\"are you there?\"}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("undeliverable_30006");
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }

  @Test
  void badInboundInputIsAnswered2xxAndLogged_neverA500() {
    String caller = newCaller();
    textedCaller(caller, DEMO_NUMBER);

    assertThat(phone().text(caller, "+15559990000", "hello").status()).isEqualTo(200);          // unknown To
    assertThat(phone().text(caller, DEMO_NUMBER, "").status()).isEqualTo(200);                  // empty body
    assertThat(phone().text("not-a-number", DEMO_NUMBER, "hi").status()).isEqualTo(200);        // From not E.164
    assertThat(phone().deliveryStatus(
        new io.textback.testkit.FakeMessage("SM" + "f".repeat(32), caller, DEMO_NUMBER, "", java.time.Instant.now()), "delivered", null).status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from inbound_event where kind = 'sms-ignored' and payload->>'From' in (:a, :b)")
        .param("a", caller).param("b", "not-a-number").query(Long.class).single()).isEqualTo(3);
    assertThat(engine().isWaitingFor("agent-replied", leadKey(caller, DEMO_NUMBER))).isFalse();

    assertThat(phone().text(caller, DEMO_NUMBER, "\uD83D\uDE4F\uD83D\uDEBF").status()).isEqualTo(200); // emoji only: a reply
    awaitReplyNoticed(caller);
    assertThat(phone().text(caller, DEMO_NUMBER, "x".repeat(2000)).status()).isEqualTo(200);          // long: kept whole
    assertThat(jdbc.sql("select max(length(body)) from conversation_message where phone = :p and direction = 'IN'")
        .param("p", caller).query(Integer.class).single()).isEqualTo(2000);
  }

  @Test
  void aLandlineIsNotTexted() {
    String caller = newCaller();
    twilio().setLineType(caller, "landline");
    Call call = phone().call(caller, DEMO_NUMBER);
    call.missed();
    call.hangsUpAtGreeting();

    long journey = await().atMost(Duration.ofSeconds(10)).until(
        () -> engine().findInstance("missed-call-text-back", "callSid", call.callSid()), java.util.Optional::isPresent).get();
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine().endEventsNow(journey).isEmpty());
    assertThat(engine().variable(journey, "notTextedReason")).isEqualTo("landline");
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void aCallerWhoseLookupFails_isStillTexted_theyCalledTheBusiness() {
    String caller = newCaller();
    twilio().lookupFails(caller);

    textedCaller(caller, DEMO_NUMBER);

    assertThat(twilio().sentTo(caller)).hasSize(1);
  }

  @Test
  void afterHours_theTextBackSaysWhenWeOpen() {
    moveEngineTo(DayOfWeek.SUNDAY, LocalTime.NOON);
    String caller = newCaller();

    textedCaller(caller, LATE_NUMBER);

    assertThat(twilio().sentTo(caller).get(0).body()).contains("We're closed now and will reply first thing when we open");
  }

  @Test
  void aFollowUpDueInQuietHoursWaitsUntilEightInTheLeadsTimezone() {
    moveEngineTo(DayOfWeek.TUESDAY, LocalTime.of(21, 30));
    String caller = "+1212555%04d".formatted(Math.floorMod(System.nanoTime(), 10_000)); // a New York number
    textedCaller(caller, LATE_NUMBER);

    engine().increaseTime(Duration.ofMinutes(61)); // 22:31 in New York: too late to text
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from conversation where phone = :p").param("p", caller).query(Long.class).single() == 1);
    engine().increaseTime(Duration.ofHours(9)); // 07:31
    assertThat(twilio().sentTo(caller)).hasSize(1);
    engine().increaseTime(Duration.ofMinutes(30)); // 08:01

    awaitSms(caller, 2);
    ZonedDateTime sentAt = engine().now().atZone(NEW_YORK);
    assertThat(sentAt.toLocalTime()).isAfter(LocalTime.of(8, 0)).isBefore(LocalTime.of(9, 0));
  }

  /** Moves the engine's clock forward to the next given weekday and time in New York. */
  void moveEngineTo(DayOfWeek day, LocalTime time) {
    Instant now = engine().now();
    ZonedDateTime target = now.atZone(NEW_YORK).with(TemporalAdjusters.nextOrSame(day)).with(time);
    if (!target.toInstant().isAfter(now)) {
      target = target.plusWeeks(1);
    }
    engine().increaseTime(Duration.between(now, target.toInstant()));
  }
}
