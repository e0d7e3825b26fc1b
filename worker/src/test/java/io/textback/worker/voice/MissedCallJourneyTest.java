package io.textback.worker.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.textback.testkit.FakeMessage;
import io.textback.testkit.TwilioPhone.Call;
import io.textback.testkit.WebhookResponse;
import io.textback.worker.support.FaultInjection;
import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The missed-call journey end to end: signed webhooks in, one SMS out at the Twilio fake. */
class MissedCallJourneyTest extends WorkerIntegrationTest {
  static final String PROCESS = "missed-call-text-back";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  Call missedCall(String caller) {
    Call call = phone().call(caller, DEMO_NUMBER);
    WebhookResponse incoming = call.rings();
    assertThat(incoming.status()).isEqualTo(200);
    assertThat(incoming.body()).contains("<Dial timeout=\"19\"").contains("<Number>+15550100001</Number>")
        .contains("action=\"https://textback.example.com/webhooks/twilio/voice/dial-status\"");
    WebhookResponse missed = call.dialEnded("no-answer");
    assertThat(missed.status()).isEqualTo(200);
    assertThat(missed.body()).contains("<Say>").contains("<Record ")
        .contains("recordingStatusCallback=\"https://textback.example.com/webhooks/twilio/voice/recording\"");
    return call;
  }

  long journeyOf(Call call) {
    return await().atMost(Duration.ofSeconds(10)).until(
        () -> engine().findInstance(PROCESS, "callSid", call.callSid()), java.util.Optional::isPresent).get();
  }

  void awaitWaitingForCaller(Call call) {
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().isWaitingFor("caller-hung-up", call.callSid()));
  }

  List<String> awaitEnd(long instance) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> engine().endEventsNow(instance), e -> !e.isEmpty());
  }

  /** Texted: the journey went on into the lead conversation, which is open in the database. */
  void awaitConversation(long journey) {
    await().atMost(Duration.ofSeconds(10)).until(() -> engine().completedElementsNow(journey).contains("SendTextBack"));
    String leadKey = engine().variable(journey, "leadKey");
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from conversation where lead_key = :k and state = 'OPEN'").param("k", leadKey)
        .query(Long.class).single() == 1);
    assertThat(engine().endEventsNow(journey)).isEmpty();
  }

  FakeMessage awaitOneSmsTo(String caller) {
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() >= 1);
    List<FakeMessage> sent = twilio().sentTo(caller);
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  @Test
  void noVoicemail_oneTextWhenTheVoicemailWindowPasses() {
    String caller = newCaller();
    Call call = missedCall(caller);
    awaitWaitingForCaller(call);

    // 20 s, not 40: the engine's clock also runs while the poll above reads the shared engine's log,
    // which late in a run takes seconds; the window (45 s) must not have passed by the check
    engine().increaseTime(Duration.ofSeconds(20));
    assertThat(twilio().sentTo(caller)).isEmpty();
    engine().increaseTime(Duration.ofSeconds(26));

    FakeMessage sms = awaitOneSmsTo(caller);
    assertThat(sms.from()).isEqualTo(DEMO_NUMBER);
    assertThat(sms.body()).startsWith("Hi, it's Demo Plumbing.").contains("missed").contains("?")
        .endsWith("Reply STOP to opt out.");
  }

  @Test
  void callerHangsUpAtTheGreeting_textedAtOnce() {
    String caller = newCaller();
    Call call = missedCall(caller);

    assertThat(call.hangsUpAtGreeting().status()).isEqualTo(200);

    awaitOneSmsTo(caller);
    awaitConversation(journeyOf(call));
  }

  @Test
  void hangUpAfterTheBeepWithoutAMessage_textedAtOnce() {
    String caller = newCaller();
    Call call = missedCall(caller);
    assertThat(call.recordingEnds(call.newRecordingSid(), 1, true).body()).contains("<Hangup/>");

    awaitOneSmsTo(caller);
  }

  @Test
  void voicemailLeft_noText() {
    String caller = newCaller();
    Call call = missedCall(caller);

    call.leavesVoicemail(20);

    long journey = journeyOf(call);
    assertThat(awaitEnd(journey)).containsExactly("VoicemailLeftEnd");
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).isEmpty();
    assertThat(engine().variable(journey, "recordingSeconds")).isEqualTo("20");
  }

  @Test
  void recordingStatusCallbackAlone_withExactlyTwiliosParameters_endsTheJourneyAsAVoicemail() {
    String caller = newCaller();
    Call call = missedCall(caller);
    awaitWaitingForCaller(call);

    // No To, no From: Twilio's recordingStatusCallback does not carry them (matched by CallSid).
    WebhookResponse response = call.recordingStatus(call.newRecordingSid(), "completed", 14);

    assertThat(response.status()).isEqualTo(200);
    long journey = journeyOf(call);
    assertThat(awaitEnd(journey)).containsExactly("VoicemailLeftEnd");
    assertThat(engine().variable(journey, "recordingSeconds")).isEqualTo("14");
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void recordingStatusCallbackBeforeTheRecordAction_theVoicemailEndsTheJourneyOnce() {
    String caller = newCaller();
    Call call = missedCall(caller);
    awaitWaitingForCaller(call);
    String recording = call.newRecordingSid();

    call.recordingStatus(recording, "completed", 20);
    call.recordingEnds(recording, 20, true);
    call.recordingStatus(recording, "completed", 20); // Twilio's at-least-once: a repeat

    long journey = journeyOf(call);
    assertThat(awaitEnd(journey)).containsExactly("VoicemailLeftEnd");
    assertThat(jdbc.sql("select count(*) from inbound_event where message_name = 'voicemail-left' and message_id = :r")
        .param("r", recording).query(Long.class).single()).isEqualTo(2); // the action and the callback, one message id
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void anAbsentRecording_isAHangUp_textedOnce() {
    String caller = newCaller();
    Call call = missedCall(caller);
    awaitWaitingForCaller(call);
    String recording = call.newRecordingSid();

    call.recordingEnds(recording, 0, true);
    call.recordingStatus(recording, "absent", 0);

    awaitOneSmsTo(caller);
    awaitConversation(journeyOf(call));
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }

  @Test
  void aRecordingStatusCallbackForAnUnknownCall_is404WithTheReason() {
    Call stranger = phone().call(newCaller(), DEMO_NUMBER);

    WebhookResponse response = stranger.recordingStatus(stranger.newRecordingSid(), "completed", 9);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains(stranger.callSid()).contains("matched to its call by CallSid");
  }

  @Test
  void callerReachedOnALaterCall_noText() {
    String caller = newCaller();
    Call first = missedCall(caller);
    awaitWaitingForCaller(first);

    Call second = phone().call(caller, DEMO_NUMBER);
    second.rings();
    assertThat(second.dialEnded("completed").body()).contains("<Hangup/>");

    assertThat(awaitEnd(journeyOf(first))).containsExactly("ReachedByPhone");
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void everyWebhookDeliveredTwice_oneJourneyAndOneText() {
    String caller = newCaller();
    Call call = missedCall(caller);
    call.dialEnded("no-answer");
    call.hangsUpAtGreeting();
    call.hangsUpAtGreeting();

    awaitOneSmsTo(caller);
    long journey = journeyOf(call);
    awaitConversation(journey);
    assertThat(engine().instancesWith(PROCESS, "callSid", call.callSid())).isEqualTo(1);
    engine().increaseTime(Duration.ofMinutes(2));
    assertThat(twilio().sentTo(caller)).hasSize(1);
    assertThat(jdbc.sql("select count(*) from inbound_event where event_key = :k")
        .param("k", "call-missed:" + call.callSid()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void unsignedOrWronglySigned_403AndNoJourney() {
    String caller = newCaller();
    Map<String, String> params = Map.of("CallSid", "CAunsigned" + caller.substring(1), "From", caller,
        "To", DEMO_NUMBER, "DialCallStatus", "no-answer");

    WebhookResponse unsigned = phone().post("/webhooks/twilio/voice/dial-status", params, null);
    WebhookResponse wrong = phone().post("/webhooks/twilio/voice/dial-status", params, "bm90IHRoZSBzaWduYXR1cmU=");

    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(unsigned.body()).contains("missing X-Twilio-Signature");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body()).contains("does not match").contains("https://textback.example.com/webhooks/twilio/voice/dial-status");
    assertThat(jdbc.sql("select count(*) from inbound_event where payload->>'From' = :f").param("f", caller)
        .query(Long.class).single()).isZero();
    assertThat(engine().findInstance(PROCESS, "callerPhone", caller)).isEmpty();
  }

  @Test
  void aCallToANumberNoBusinessHas_404WithTheReason() {
    WebhookResponse response = phone().call(newCaller(), "+15559990000").rings();

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("no business has the number ending ***0000");
  }

  @Test
  void aWebhookWithoutCallSid_400WithTheReason() {
    WebhookResponse response = phone().post("/webhooks/twilio/voice", Map.of("From", newCaller(), "To", DEMO_NUMBER));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("CallSid is required");
  }

  @Test
  void anonymousCaller_notTextedWithTheReasonRecorded() {
    Call call = phone().call("anonymous", DEMO_NUMBER);
    call.rings();
    call.dialEnded("no-answer");
    call.hangsUpAtGreeting();

    long journey = journeyOf(call);
    assertThat(awaitEnd(journey)).containsExactly("NotTextedScreened");
    assertThat(engine().variable(journey, "notTextedReason")).isEqualTo("anonymous");
  }

  @Test
  void blockedCaller_notTexted() {
    Call call = missedCall("+15550109999");
    call.hangsUpAtGreeting();

    long journey = journeyOf(call);
    assertThat(awaitEnd(journey)).containsExactly("NotTextedScreened");
    assertThat(engine().variable(journey, "notTextedReason")).isEqualTo("blocked");
  }

  @Test
  void callsFromAnotherCountryOrAPremiumNumber_areNotTexted() {
    // SMS pumping by phone: calls from numbers a plumber's text-back would pay dearly to reach.
    String nigeria = "+23480" + (30_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(60_000_000));
    String premium = "+1900" + (2_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(7_000_000));
    for (var expected : Map.of(nigeria, "country_not_texted", premium, "premium_or_special_number").entrySet()) {
      Call call = missedCall(expected.getKey());
      call.hangsUpAtGreeting();

      long journey = journeyOf(call);
      assertThat(awaitEnd(journey)).containsExactly("NotTextedScreened");
      assertThat(engine().variable(journey, "notTextedReason")).isEqualTo(expected.getValue());
      assertThat(twilio().sentTo(expected.getKey())).isEmpty();
    }
  }

  @Test
  void optedOutCaller_notTexted() {
    String caller = newCaller();
    jdbc.sql("insert into opt_out (business_id, phone, source) values ('demo-plumbing', :p, 'test')")
        .param("p", caller).update();
    Call call = missedCall(caller);
    call.hangsUpAtGreeting();

    long journey = journeyOf(call);
    assertThat(awaitEnd(journey)).containsExactly("NotTextedScreened");
    assertThat(engine().variable(journey, "notTextedReason")).isEqualTo("opted_out");
    assertThat(twilio().sentTo(caller)).isEmpty();
  }

  @Test
  void forwardedLine_everyCallIsMissedAndGoesStraightToTheGreeting() {
    String caller = newCaller();
    Call call = phone().call(caller, FORWARDING_NUMBER);

    WebhookResponse answer = call.rings();
    assertThat(answer.body()).contains("<Record ").doesNotContain("<Dial");
    call.hangsUpAtGreeting();

    FakeMessage sms = awaitOneSmsTo(caller);
    assertThat(sms.from()).isEqualTo(FORWARDING_NUMBER);
    assertThat(sms.body()).contains("Cool Air HVAC");
  }

  @Test
  void forwardedLineThatTextsOnVoicemail_textsAfterTheVoicemail() {
    String caller = newCaller();
    Call call = phone().call(caller, FORWARDING_NUMBER);
    call.rings();

    call.leavesVoicemail(12);

    awaitOneSmsTo(caller);
    awaitConversation(journeyOf(call));
  }

  @Test
  void workerDiesAfterTwilioAcceptedTheText_theRetriedJobSendsNothingMore() {
    String caller = newCaller();
    FaultInjection.crashOnceAfterSendingTo(caller);
    Call call = missedCall(caller);
    call.hangsUpAtGreeting();
    awaitOneSmsTo(caller);
    long journey = journeyOf(call);
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.sql(
        "select status from sms_outbox where to_phone = :p").param("p", caller).query(String.class).single()));
    assertThat(engine().endEventsNow(journey)).as("the job died before completing").isEmpty();

    // the failed job is retried after its backoff (PT10S, engine time)
    engine().increaseTime(Duration.ofSeconds(11));

    awaitConversation(journey);
    assertThat(twilio().sentTo(caller)).hasSize(1);
  }

  @Test
  void twilioTimesOutAfterAcceptingTheText_theRetryReconcilesInsteadOfResending() {
    String caller = newCaller();
    // Twilio accepts (the fake records it) but answers after our 1 s read timeout
    twilio().wireMock().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
        .withFormParam("To", com.github.tomakehurst.wiremock.client.WireMock.equalTo(caller))
        .willReturn(aResponse().withTransformers("twilio-messages").withFixedDelay(1500)));
    Call call = missedCall(caller);
    call.hangsUpAtGreeting();
    await().atMost(Duration.ofSeconds(10)).until(() -> twilio().sentTo(caller).size() == 1);
    long journey = journeyOf(call);
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
        "select count(*) from sms_outbox where to_phone = :p and last_error is not null").param("p", caller)
        .query(Long.class).single() == 1);

    engine().increaseTime(Duration.ofSeconds(16));

    awaitConversation(journey);
    assertThat(twilio().sentTo(caller)).hasSize(1);
    assertThat(jdbc.sql("select message_sid from sms_outbox where to_phone = :p").param("p", caller)
        .query(String.class).single()).isEqualTo(twilio().sentTo(caller).get(0).sid());
  }
}
