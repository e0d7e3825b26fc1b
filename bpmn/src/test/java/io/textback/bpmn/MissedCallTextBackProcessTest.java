package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.textback.testkit.ProcessTestEngine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every path of missed-call-text-back.bpmn, with time moved by the engine's clock. */
class MissedCallTextBackProcessTest {
  static final String PROCESS = "missed-call-text-back";
  static final String SEND = "io.textback:sms-send:1";
  static final String LOOKUP = LineCheck.LOOKUP;
  static final AtomicInteger CALLS = new AtomicInteger();
  static ProcessTestEngine zeebe;

  @BeforeAll
  static void start() {
    zeebe = new ProcessTestEngine();
    zeebe.deploy(CrmModels.with("bpmn/missed-call-text-back.bpmn", "bpmn/lead-conversation.bpmn"));
  }

  @AfterAll
  static void stop() {
    zeebe.close();
  }

  /** A call that just went unanswered, with its own CallSid and caller. */
  record Call(String callSid, String leadKey) {}

  Call missCall() {
    int n = CALLS.incrementAndGet();
    Call call = new Call("CA" + n, "demo:+1555010%04d".formatted(n));
    zeebe.publish("call-missed", call.leadKey(), call.callSid(), Map.of(
        "businessId", "demo", "businessPhone", "+15550100000",
        "callerPhone", call.leadKey().substring(5), "callSid", call.callSid(), "leadKey", call.leadKey()));
    return call;
  }

  long instance(Call call) {
    return zeebe.instanceStartedFor(PROCESS, "callSid", call.callSid());
  }

  void screen(long instance, boolean textable, boolean textOnVoicemail) {
    screen(instance, textable, textOnVoicemail, "hubspot");
  }

  void screen(long instance, boolean textable, boolean textOnVoicemail, String crm) {
    ActivatedJob job = zeebe.nextJob("screen-caller", instance);
    Map<String, Object> vars = new HashMap<>(Map.of(
        "textable", textable, "voicemailWindow", "PT45S", "textOnVoicemail", textOnVoicemail, "crm", crm,
        "textBackBody", "Demo Plumbing here, sorry we missed your call. What can we do for you? Reply STOP to opt out"));
    if (!textable) {
      vars.put("notTextedReason", "anonymous");
    }
    zeebe.complete(job, vars);
    if (textable) {
      lineChecked(instance, true, null);
    }
  }

  /** The line-type step answers (see LineCheck). */
  void lineChecked(long instance, boolean textable, String reason) {
    ActivatedJob lookup = zeebe.nextJob(LOOKUP, instance);
    assertThat(lookup.getVariablesAsMap().get("phone")).isEqualTo(lookup.getVariablesAsMap().get("callerPhone"));
    assertThat(lookup.getVariablesAsMap()).as("the caller called: a Lookup error still texts").containsEntry("whenLookupFails", "text");
    zeebe.complete(lookup, LineCheck.result(textable, reason));
  }

  ActivatedJob sendJob(long instance) {
    return zeebe.nextJob(SEND, instance);
  }

  void sent(long instance) {
    ActivatedJob job = sendJob(instance);
    zeebe.complete(job, Map.of("textBack", Map.of("outcome", "SENT", "messageSid", "SM" + instance)));
  }

  /** The call is logged in HubSpot (a child instance): contact found or created, call logged. */
  ActivatedJob callLogged(Call call, String expectedOutcome) {
    long child = zeebe.instanceStartedFor("log-call-in-hubspot", "callSid", call.callSid());
    zeebe.complete(zeebe.nextJob("io.textback:hubspot-contact:1", child), Map.of("hubspotContact", Map.of("contactId", "501")));
    ActivatedJob log = zeebe.nextJob("io.textback:hubspot-call-log:1", child);
    assertThat(log.getVariablesAsMap()).containsEntry("outcome", expectedOutcome).containsEntry("contactId", "501")
        .containsEntry("from", call.leadKey().substring(5)).containsEntry("to", "+15550100000");
    zeebe.complete(log, Map.of("hubspotCall", Map.of("callId", "c1")));
    return log;
  }

  /** After the text-back, HubSpot: call logged, text-back shown in the inbox thread, deal created. */
  void crmDone(Call call, long instance) {
    callLogged(call, "NO_ANSWER");
    ActivatedJob show = zeebe.nextJobWithin("io.textback:hubspot-thread-message:1", instance);
    assertThat(show.getVariablesAsMap()).containsEntry("direction", "OUTGOING").containsEntry("contactId", "501")
        .containsEntry("messageSid", "SM" + instance);
    zeebe.complete(show, Map.of());
    ActivatedJob deal = zeebe.nextJobWithin("io.textback:hubspot-deal:1", instance);
    assertThat(deal.getVariablesAsMap()).containsEntry("key", call.callSid()).containsEntry("contactId", "501");
    zeebe.complete(deal, Map.of());
  }

  /** After the text-back the lead conversation runs; here it ends at once (the lead says STOP). */
  void conversationEnds(Call call) {
    long conversation = zeebe.instanceStartedFor("lead-conversation", "leadKey", call.leadKey());
    assertThat(zeebe.variable(conversation, "leadPhone")).isEqualTo(call.leadKey().substring(5));
    assertThat(zeebe.variable(conversation, "channel")).isEqualTo("call");
    assertThat(zeebe.variable(conversation, "journeyKey")).as("the reports tie the conversation to its call").isEqualTo(call.callSid());
    zeebe.publish("lead-opted-out", call.leadKey(), "SM-stop-" + call.callSid(), Map.of());
    zeebe.complete(zeebe.nextJob("close-conversation", conversation), Map.of());
  }

  @Test
  void callerHangsUpAtTheGreeting_textedAtOnce() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false);

    zeebe.publish("caller-hung-up", call.callSid(), call.callSid(), Map.of());
    ActivatedJob job = sendJob(instance);

    assertThat(job.getVariablesAsMap()).containsEntry("to", call.leadKey().substring(5))
        .containsEntry("from", "+15550100000").containsEntry("idempotencyKey", call.callSid() + ":text-back");
    zeebe.complete(job, Map.of("textBack", Map.of("outcome", "SENT", "messageSid", "SM" + instance)));
    crmDone(call, instance);
    assertThat(zeebe.completedElements(instance)).doesNotContain("Texted");
    conversationEnds(call);
    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
  }

  @Test
  void aBusinessWithoutACrm_isTexted_andEachCrmStepCallsTheNoCrmProcess() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false, "none");

    zeebe.publish("caller-hung-up", call.callSid(), call.callSid(), Map.of());
    sent(instance);
    conversationEnds(call);

    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
    assertThat(zeebe.calledProcesses(instance)).as("no HubSpot step, and the conversation as for any business")
        .containsExactlyInAnyOrder("log-call-in-none", "show-text-in-none", "create-deal-in-none", "lead-conversation");
    assertThat(zeebe.variable(zeebe.instanceStartedFor("lead-conversation", "leadKey", call.leadKey()), "crm"))
        .as("the conversation's escalation task goes to the same CRM").isEqualTo("none");
  }

  @Test
  void aVoicemailForABusinessWithoutACrm_endsWithoutACallBackTaskInAnyCrm() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false, "none");

    zeebe.publish("voicemail-left", call.callSid(), "RE" + call.callSid(), Map.of("recordingUrl", "https://x/RE2"));

    journeyEnded(instance, "VoicemailLeftEnd");
    assertThat(zeebe.calledProcesses(instance)).containsExactly("log-call-in-none", "create-task-in-none");
  }

  @Test
  void noVoicemailWithinTheWindow_textedWhenTheWindowPasses() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false);

    zeebe.increaseTime(Duration.ofSeconds(30));
    assertThat(zeebe.completedElements(instance)).doesNotContain("VoicemailWindowPassed");

    zeebe.increaseTime(Duration.ofSeconds(16));
    assertThat(zeebe.completedElements(instance)).contains("VoicemailWindowPassed");
    sent(instance);
    crmDone(call, instance);
    conversationEnds(call);
    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
  }

  @Test
  void voicemailLeft_noText() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false);

    zeebe.publish("voicemail-left", call.callSid(), "RE" + call.callSid(), Map.of("recordingUrl", "https://x/RE1"));

    ActivatedJob log = callLogged(call, "LEFT_VOICEMAIL");
    assertThat(log.getVariablesAsMap()).containsEntry("recordingUrl", "https://x/RE1");
    ActivatedJob task = zeebe.nextJobWithin("io.textback:hubspot-task:1", instance);
    assertThat(task.getVariablesAsMap()).containsEntry("subject", "Call back " + call.leadKey().substring(5) + " (voicemail)")
        .containsEntry("body", "Voicemail: https://x/RE1").containsEntry("key", call.callSid() + ":call-back");
    zeebe.complete(task, Map.of());
    journeyEnded(instance, "VoicemailLeftEnd");
    assertThat(zeebe.endEvents(instance)).containsExactly("VoicemailLeftEnd");
    zeebe.increaseTime(Duration.ofMinutes(1));
    assertThat(zeebe.completedElements(instance)).doesNotContain("SendTextBack");
  }

  @Test
  void voicemailLeftAndTheBusinessTextsOnVoicemail_texted() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, true);

    zeebe.publish("voicemail-left", call.callSid(), "RE" + call.callSid(), Map.of());
    sent(instance);
    crmDone(call, instance);
    conversationEnds(call);

    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
  }

  @Test
  void callerReachedOnALaterCall_pendingTextCancelled() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false);

    zeebe.publish("caller-reached", call.leadKey(), "CA-later-" + call.callSid(), Map.of());

    journeyEnded(instance, "ReachedByPhone");
    assertThat(zeebe.endEvents(instance)).containsExactly("ReachedByPhone");
    zeebe.increaseTime(Duration.ofMinutes(1));
    assertThat(zeebe.completedElements(instance)).doesNotContain("SendTextBack");
  }

  @Test
  void callerFailsScreening_notTexted() {
    Call call = missCall();
    long instance = instance(call);

    screen(instance, false, false);

    journeyEnded(instance, "NotTextedScreened");
    assertThat(zeebe.endEvents(instance)).containsExactly("NotTextedScreened");
    assertThat(zeebe.variable(instance, "notTextedReason")).isEqualTo("anonymous");
    assertThat(zeebe.completedElements(instance)).doesNotContain("LogNotTextedCall", "CheckLine");
  }

  @Test
  void aLandlineCallerIsNotTextedButTheCallIsLogged() {
    Call call = missCall();
    long instance = instance(call);
    zeebe.complete(zeebe.nextJob("screen-caller", instance), Map.of("textable", true,
        "voicemailWindow", "PT45S", "textOnVoicemail", false, "textBackBody", "x", "crm", "hubspot"));
    lineChecked(instance, false, "landline");

    callLogged(call, "NO_ANSWER");

    journeyEnded(instance, "NotTextedScreened");
    assertThat(zeebe.endEvents(instance)).containsExactly("NotTextedScreened");
    assertThat(zeebe.variable(instance, "notTextedReason")).isEqualTo("landline");
    assertThat(zeebe.completedElements(instance)).doesNotContain("WaitForCaller", "SendTextBack");
  }

  @Test
  void providerRefusesTheText_notTexted() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false);
    zeebe.publish("caller-hung-up", call.callSid(), call.callSid(), Map.of());

    zeebe.complete(sendJob(instance), Map.of("textBack", Map.of("outcome", "REFUSED", "reason", "opted_out")));

    journeyEnded(instance, "NotTextedRefused");
    assertThat(zeebe.endEvents(instance)).containsExactly("NotTextedRefused");
  }

  /** The text-back was over the first-text cap: the journey waits at "Wait for an admin". */
  long heldTextBack() {
    Call call = missCall();
    long instance = instance(call);
    screen(instance, true, false);
    zeebe.publish("caller-hung-up", call.callSid(), call.callSid(), Map.of());
    zeebe.complete(sendJob(instance), Map.of("textBack", Map.of("outcome", "HELD", "reason", "business_hourly_cap")));
    zeebe.idle();
    assertThat(zeebe.isWaitingFor("held-text-decided", call.callSid() + ":text-back")).isTrue();
    return instance;
  }

  @Test
  void aHeldTextBackReleasedByAnAdmin_isSentThen_andTheJourneyGoesOn() {
    long instance = heldTextBack();
    String callSid = zeebe.variable(instance, "callSid");

    zeebe.publish("held-text-decided", callSid + ":text-back", "decided-" + callSid, Map.of("textReleased", true));

    ActivatedJob again = sendJob(instance);
    assertThat(again.getVariablesAsMap()).containsEntry("idempotencyKey", callSid + ":text-back");
    zeebe.complete(again, Map.of("textBack", Map.of("outcome", "SENT", "messageSid", "SM" + instance)));
    Call call = new Call(callSid, zeebe.variable(instance, "leadKey"));
    crmDone(call, instance);
    conversationEnds(call);
    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
  }

  @Test
  void aHeldTextBackDiscardedByAnAdmin_notTexted() {
    long instance = heldTextBack();
    String callSid = zeebe.variable(instance, "callSid");

    zeebe.publish("held-text-decided", callSid + ":text-back", "decided-" + callSid,
        Map.of("textReleased", false, "notTextedReason", "held_discarded"));

    journeyEnded(instance, "NotTextedDiscarded");
    assertThat(zeebe.endEvents(instance)).containsExactly("NotTextedDiscarded");
    assertThat(zeebe.variable(instance, "notTextedReason")).isEqualTo("held_discarded");
  }

  @Test
  void aHeldTextBackNobodyDecidesInADay_isDropped_notTexted() {
    long instance = heldTextBack();

    zeebe.increaseTime(Duration.ofHours(24));

    ActivatedJob drop = zeebe.nextJob("drop-held-text", instance);
    assertThat(drop.getElementId()).isEqualTo("NotTextedHeldTooLong");
    zeebe.complete(drop, Map.of());
    journeyEnded(instance, "NotTextedHeldTooLong");
    assertThat(zeebe.endEvents(instance)).containsExactly("NotTextedHeldTooLong");
    assertThat(zeebe.variable(instance, "notTextedReason")).isEqualTo("held_not_released");
  }

  @Test
  void hangUpReportedBeforeScreeningFinished_stillTextsOnce() {
    Call call = missCall();
    long instance = instance(call);
    // Twilio's hang-up callback can beat the screening job: the buffered message waits for the gateway.
    zeebe.publishBuffered("caller-hung-up", call.callSid(), call.callSid(), Duration.ofMinutes(10));
    screen(instance, true, false);

    sent(instance);
    crmDone(call, instance);
    conversationEnds(call);

    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
  }

  @Test
  void aSecondMissedCallWhileTheJourneyIsOpen_startsNoSecondJourney() {
    Call call = missCall();
    long instance = instance(call);

    zeebe.publish("call-missed", call.leadKey(), "CA-again-" + call.callSid(), Map.of("callSid", "CA-again-" + call.callSid()));

    assertThat(zeebe.instancesWith(PROCESS, "leadKey", call.leadKey())).isEqualTo(1);
    screen(instance, true, false);
    zeebe.publish("caller-hung-up", call.callSid(), call.callSid(), Map.of());
    sent(instance);
    crmDone(call, instance);
    conversationEnds(call);
    assertThat(zeebe.endEvents(instance)).containsExactly("Texted");
  }

  /** The end event's listener records the journey's fact (why it was not texted, voicemail, reached). */
  void journeyEnded(long instance, String endEvent) {
    ActivatedJob listener = zeebe.nextJob("journey-end", instance);
    assertThat(listener.getElementId()).isEqualTo(endEvent);
    zeebe.complete(listener, Map.of());
  }
}
