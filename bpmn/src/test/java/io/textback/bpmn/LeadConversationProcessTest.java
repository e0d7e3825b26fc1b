package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.textback.testkit.ProcessTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every path of lead-conversation.bpmn, with time moved by the engine's clock. */
class LeadConversationProcessTest {
  static final String PROCESS = "lead-conversation";
  static final String SEND = "io.textback:sms-send:1";
  static final String DISPATCHER = "+15550100002";
  static final String MANAGER = "+15550100003";
  static final AtomicInteger LEADS = new AtomicInteger();
  static ProcessTestEngine zeebe;

  @BeforeAll
  static void start() {
    zeebe = new ProcessTestEngine();
    zeebe.deploy(CrmModels.with("bpmn/lead-conversation.bpmn"));
  }

  @AfterAll
  static void stop() {
    zeebe.close();
  }

  record Lead(String leadKey, long instance) {}

  /** Starts a conversation and completes "Open the conversation" with the default timers. */
  Lead converse() {
    String leadKey = "demo:+1555020%04d".formatted(LEADS.incrementAndGet());
    long instance = zeebe.client().newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
        .variables(Map.of("businessId", "demo", "businessPhone", "+15550100000", "leadKey", leadKey,
            "leadPhone", leadKey.substring(5), "channel", "call", "crm", "hubspot"))
        .send().join().getProcessInstanceKey();
    Map<String, Object> timers = new HashMap<>();
    timers.put("conversationId", LEADS.get());
    timers.put("followUp1", "PT1H");
    timers.put("followUp2", "PT24H");
    timers.put("finalWait", "P2D");
    timers.put("responseSla", "PT5M");
    timers.put("escalationDelay", "PT30M");
    timers.put("conversationTtl", "P7D");
    timers.put("followUp1Body", "Demo Plumbing again. What can we do for you?");
    timers.put("followUp2Body", "Demo Plumbing here, checking in one last time.");
    zeebe.complete(zeebe.nextJob("open-conversation", instance), timers);
    return new Lead(leadKey, instance);
  }

  void quietHours(Lead lead, String wait) {
    zeebe.complete(zeebe.nextJob("quiet-hours", lead.instance()), Map.of("quietWait", wait));
  }

  /** Sends the due follow-up; its end listener notes it in the conversation and the HubSpot thread. */
  ActivatedJob followUp(Lead lead) {
    ActivatedJob job = zeebe.nextJob(SEND, lead.instance());
    zeebe.complete(job, Map.of());
    ActivatedJob note = zeebe.nextJob("note-follow-up", lead.instance());
    assertThat(note.getElementId()).isEqualTo(job.getElementId());
    zeebe.complete(note, Map.of());
    return job;
  }

  void reply(Lead lead) {
    zeebe.publish("lead-replied", lead.leadKey(), "SM-reply-" + lead.instance(), Map.of());
  }

  void responseClock(Lead lead, String slaWait) {
    zeebe.complete(zeebe.nextJob("response-sla", lead.instance()), Map.of("slaWait", slaWait));
  }

  void ended(Lead lead, String endEvent) {
    ActivatedJob close = zeebe.nextJob("close-conversation", lead.instance());
    assertThat(close.getElementId()).isEqualTo(endEvent);
    zeebe.complete(close, Map.of());
    assertThat(zeebe.endEvents(lead.instance())).contains(endEvent);
    assertThat(zeebe.isCompleted(lead.instance())).isTrue();
  }

  @Test
  void noReply_twoFollowUpsThenGiveUp() {
    Lead lead = converse();

    zeebe.increaseTime(Duration.ofMinutes(59));
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("FollowUp1Due");
    zeebe.increaseTime(Duration.ofMinutes(2));
    quietHours(lead, "PT0S");
    ActivatedJob first = followUp(lead);
    assertThat(first.getVariablesAsMap()).containsEntry("body", "Demo Plumbing again. What can we do for you?")
        .containsEntry("idempotencyKey", "conversation-" + zeebe.variable(lead.instance(), "conversationId") + ":follow-up-1");

    zeebe.increaseTime(Duration.ofHours(24).plusMinutes(1));
    quietHours(lead, "PT0S");
    ActivatedJob second = followUp(lead);
    assertThat(second.getVariablesAsMap().get("idempotencyKey").toString()).endsWith(":follow-up-2");

    zeebe.increaseTime(Duration.ofDays(2).plusMinutes(1));
    ended(lead, "NoReply");
  }

  @Test
  void aFollowUpDueInQuietHoursWaitsUntilTheyEnd() {
    Lead lead = converse();
    zeebe.increaseTime(Duration.ofMinutes(61));

    quietHours(lead, "PT9H");
    zeebe.increaseTime(Duration.ofHours(8));
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("QuietHoursOver1");
    zeebe.increaseTime(Duration.ofHours(1).plusMinutes(1));

    // checked again after the wait: allowed now
    quietHours(lead, "PT0S");
    assertThat(followUp(lead).getElementId()).isEqualTo("SendFollowUp1");
  }

  @Test
  void aQuietHoursTimerThatFiresLateIsCheckedAgainBeforeTexting() {
    Lead lead = converse();
    zeebe.increaseTime(Duration.ofMinutes(61));
    quietHours(lead, "PT9H");
    zeebe.increaseTime(Duration.ofHours(24)); // an outage: the timer fires long after 08:00, at night

    quietHours(lead, "PT10H");
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("SendFollowUp1");
    zeebe.increaseTime(Duration.ofHours(10).plusMinutes(1));
    quietHours(lead, "PT0S");

    assertThat(followUp(lead).getElementId()).isEqualTo("SendFollowUp1");
  }

  @Test
  void theQuietHoursStepIsGivenTheEnginesClock() {
    Lead lead = converse();
    Instant before = Instant.now();
    zeebe.increaseTime(Duration.ofMinutes(61));

    ActivatedJob job = zeebe.nextJob("quiet-hours", lead.instance());

    Instant engineNow = ZonedDateTime.parse(job.getVariablesAsMap().get("now").toString()).toInstant();
    assertThat(engineNow).isAfter(before.plus(Duration.ofMinutes(60)));
    zeebe.complete(job, Map.of("quietWait", "PT0S"));
  }

  @Test
  void aReplyStopsTheFollowUpsAndTheBusinessAnswersInTime_recovered() {
    Lead lead = converse();
    reply(lead);
    responseClock(lead, "PT5M");

    zeebe.publish("agent-replied", lead.leadKey(), "SM-agent-" + lead.instance(), Map.of());
    zeebe.increaseTime(Duration.ofHours(2));
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("FollowUp1Due", "ComposeEscalation1");

    zeebe.increaseTime(Duration.ofDays(7));
    ended(lead, "Recovered");
  }

  @Test
  void aReplyAfterTheFirstFollowUpIsRecoveredToo() {
    Lead lead = converse();
    zeebe.increaseTime(Duration.ofMinutes(61));
    quietHours(lead, "PT0S");
    followUp(lead);

    reply(lead);
    responseClock(lead, "PT5M");
    zeebe.publish("agent-replied", lead.leadKey(), "SM-agent-" + lead.instance(), Map.of());
    zeebe.increaseTime(Duration.ofDays(7).plusMinutes(1));

    ended(lead, "Recovered");
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("SendFollowUp2");
  }

  @Test
  void nobodyAnswers_escalatedToTheDispatcherThenTheManager() {
    Lead lead = converse();
    reply(lead);
    responseClock(lead, "PT5M");

    zeebe.increaseTime(Duration.ofMinutes(6));
    ActivatedJob first = zeebe.nextJob("compose-escalation", lead.instance());
    assertThat(first.getVariablesAsMap()).containsEntry("escalationLevel", 1);
    zeebe.complete(first, Map.of("escalationTo", DISPATCHER, "escalationBody", "Lead waits"));
    ActivatedJob text = zeebe.nextJob(SEND, lead.instance());
    assertThat(text.getVariablesAsMap()).containsEntry("to", DISPATCHER).containsEntry("body", "Lead waits");
    assertThat(text.getVariablesAsMap().get("idempotencyKey").toString()).endsWith(":escalation-1");
    zeebe.complete(text, Map.of());
    ActivatedJob task = zeebe.nextJobWithin("io.textback:hubspot-task:1", lead.instance());
    assertThat(task.getVariablesAsMap()).containsEntry("leadPhone", lead.leadKey().substring(5))
        .containsEntry("priority", "HIGH");
    assertThat(task.getVariablesAsMap().get("key").toString()).endsWith(":escalation");
    zeebe.complete(task, Map.of());
    zeebe.increaseTime(Duration.ofMinutes(31));
    ActivatedJob second = zeebe.nextJob("compose-escalation", lead.instance());
    assertThat(second.getVariablesAsMap()).containsEntry("escalationLevel", 2);
    zeebe.complete(second, Map.of("escalationTo", MANAGER, "escalationBody", "Still waiting"));
    ActivatedJob secondText = zeebe.nextJob(SEND, lead.instance());
    assertThat(secondText.getVariablesAsMap()).containsEntry("to", MANAGER);
    assertThat(secondText.getVariablesAsMap().get("idempotencyKey").toString()).endsWith(":escalation-2");
    zeebe.complete(secondText, Map.of());

    zeebe.increaseTime(Duration.ofDays(7).plusMinutes(1));
    ended(lead, "Recovered");
    assertThat(zeebe.completedElements(lead.instance())).contains("TextTheDispatcher", "TextTheManager", "Escalated");
  }

  @Test
  void nobodyToText_theEscalationIsOnlyRecordedAndTheOwnerStillGetsATask() {
    Lead lead = converse();
    reply(lead);
    responseClock(lead, "PT5M");

    zeebe.increaseTime(Duration.ofMinutes(6));
    zeebe.complete(zeebe.nextJob("compose-escalation", lead.instance()), nobodyToText());
    zeebe.complete(zeebe.nextJobWithin("io.textback:hubspot-task:1", lead.instance()), Map.of());
    zeebe.increaseTime(Duration.ofMinutes(31));
    zeebe.complete(zeebe.nextJob("compose-escalation", lead.instance()), nobodyToText());

    zeebe.increaseTime(Duration.ofDays(7).plusMinutes(1));
    ended(lead, "Recovered");
    assertThat(zeebe.completedElements(lead.instance())).contains("Escalated")
        .doesNotContain("TextTheDispatcher", "TextTheManager");
  }

  private static Map<String, Object> nobodyToText() {
    Map<String, Object> none = new java.util.HashMap<>();
    none.put("escalationTo", null);
    none.put("escalationBody", null);
    return none;
  }

  @Test
  void theBusinessAnswersAfterTheFirstEscalation_noSecondOne() {
    Lead lead = converse();
    reply(lead);
    responseClock(lead, "PT5M");
    zeebe.increaseTime(Duration.ofMinutes(6));
    zeebe.complete(zeebe.nextJob("compose-escalation", lead.instance()), Map.of("escalationTo", DISPATCHER, "escalationBody", "Lead waits"));
    zeebe.complete(zeebe.nextJob(SEND, lead.instance()), Map.of());
    zeebe.complete(zeebe.nextJobWithin("io.textback:hubspot-task:1", lead.instance()), Map.of());

    zeebe.publish("agent-replied", lead.leadKey(), "SM-agent-" + lead.instance(), Map.of());
    zeebe.increaseTime(Duration.ofMinutes(31));

    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("ComposeEscalation2", "TextTheManager");
    zeebe.increaseTime(Duration.ofDays(7));
    ended(lead, "Recovered");
  }

  @Test
  void stopWhileWaitingForAReply_optedOutAndNoFollowUp() {
    Lead lead = converse();

    zeebe.publish("lead-opted-out", lead.leadKey(), "SM-stop-" + lead.instance(), Map.of());

    ended(lead, "OptedOut");
    zeebe.increaseTime(Duration.ofHours(2));
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("FollowUp1Due", "SendFollowUp1");
  }

  @Test
  void stopWhileTheBusinessOwesAnAnswer_optedOutAndNoEscalation() {
    Lead lead = converse();
    reply(lead);
    responseClock(lead, "PT5M");

    zeebe.publish("lead-opted-out", lead.leadKey(), "SM-stop-" + lead.instance(), Map.of());

    ended(lead, "OptedOut");
    zeebe.increaseTime(Duration.ofMinutes(10));
    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("ComposeEscalation1", "TextTheDispatcher");
  }

  @Test
  void stopWhileHeldForQuietHours_theFollowUpNeverGoesOut() {
    Lead lead = converse();
    zeebe.increaseTime(Duration.ofMinutes(61));
    quietHours(lead, "PT9H");

    zeebe.publish("lead-opted-out", lead.leadKey(), "SM-stop-" + lead.instance(), Map.of());
    ended(lead, "OptedOut");
    zeebe.increaseTime(Duration.ofHours(10));

    assertThat(zeebe.completedElements(lead.instance())).doesNotContain("SendFollowUp1");
  }

  @Test
  void booked_endsTheConversationFromAnyState() {
    Lead lead = converse();
    reply(lead);
    responseClock(lead, "PT5M");
    zeebe.publish("agent-replied", lead.leadKey(), "SM-agent-" + lead.instance(), Map.of());

    zeebe.publish("lead-booked", lead.leadKey(), "deal-" + lead.instance(), Map.of());

    ended(lead, "Booked");
  }
}
