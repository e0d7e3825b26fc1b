package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.textback.testkit.ProcessTestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HubSpot step processes the journeys call, and the one started per SMS: every path. */
class HubSpotProcessesTest {
  static ProcessTestEngine zeebe;

  @BeforeAll
  static void start() {
    zeebe = new ProcessTestEngine();
    zeebe.deploy(CrmModels.with());
  }

  @AfterAll
  static void stop() {
    zeebe.close();
  }

  @Test
  void aLeadsTextIsShownInTheirThread_onceEvenIfPublishedTwice() {
    Map<String, Object> sms = Map.of("businessId", "demo", "leadPhone", "+15551230001", "text", "Is today possible?",
        "messageSid", "SM1", "at", "2026-11-29T06:00:00Z");
    zeebe.client().newPublishMessageCommand().messageName("sms-received").correlationKey("SM1").messageId("SM1")
        .timeToLive(java.time.Duration.ofHours(1)).variables(sms).send().join();
    try {
      zeebe.client().newPublishMessageCommand().messageName("sms-received").correlationKey("SM1").messageId("SM1")
          .timeToLive(java.time.Duration.ofHours(1)).variables(sms).send().join();
    } catch (io.camunda.client.api.command.ClientStatusException alreadyBuffered) {
      // the engine refuses the same message id while the first is buffered: that is the point
    }
    long instance = zeebe.instanceStartedFor("show-text-in-hubspot", "messageSid", "SM1");

    zeebe.complete(zeebe.nextJob("io.textback:hubspot-contact:1", instance), Map.of("hubspotContact", Map.of("contactId", "7")));
    ActivatedJob show = zeebe.nextJob("io.textback:hubspot-thread-message:1", instance);
    assertThat(show.getVariablesAsMap()).containsEntry("direction", "INCOMING").containsEntry("contactId", "7")
        .containsEntry("text", "Is today possible?").containsEntry("messageSid", "SM1");
    zeebe.complete(show, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("TextShown");
    assertThat(zeebe.instancesWith("show-text-in-hubspot", "messageSid", "SM1")).isEqualTo(1);
  }

  @Test
  void aTextTextbackSentIsShownAsOutgoing() {
    zeebe.client().newPublishMessageCommand().messageName("sms-sent").correlationKey("SM2").messageId("SM2")
        .timeToLive(java.time.Duration.ofHours(1)).variables(Map.of("businessId", "demo", "leadPhone", "+15551230001",
            "text", "Still need a hand?", "messageSid", "SM2", "at", "2026-11-29T07:00:00Z")).send().join();
    long instance = zeebe.instanceStartedFor("show-text-in-hubspot", "messageSid", "SM2");

    zeebe.complete(zeebe.nextJob("io.textback:hubspot-contact:1", instance), Map.of("hubspotContact", Map.of("contactId", "7")));
    ActivatedJob show = zeebe.nextJob("io.textback:hubspot-thread-message:1", instance);
    assertThat(show.getVariablesAsMap()).containsEntry("direction", "OUTGOING").containsEntry("text", "Still need a hand?")
        .containsEntry("at", "2026-11-29T07:00:00Z");
    zeebe.complete(show, Map.of());

    assertThat(zeebe.completedElements(instance)).contains("SmsSent").doesNotContain("SmsReceived");
    assertThat(zeebe.endEvents(instance)).containsExactly("TextShown");
  }

  @Test
  void aCallIsLoggedOnTheContact() {
    long instance = zeebe.client().newCreateInstanceCommand().bpmnProcessId("log-call-in-hubspot").latestVersion()
        .variables(Map.of("businessId", "demo", "businessPhone", "+15550100000", "callSid", "CA9", "callerPhone",
            "+15551230002", "missedAt", "2026-11-29T06:00:00Z", "callOutcome", "NO_ANSWER"))
        .send().join().getProcessInstanceKey();

    zeebe.complete(zeebe.nextJob("io.textback:hubspot-contact:1", instance), Map.of("hubspotContact", Map.of("contactId", "8")));
    ActivatedJob log = zeebe.nextJob("io.textback:hubspot-call-log:1", instance);
    assertThat(log.getVariablesAsMap()).containsEntry("contactId", "8").containsEntry("outcome", "NO_ANSWER")
        .containsEntry("at", "2026-11-29T06:00:00Z");
    zeebe.complete(log, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("CallLogged");
  }

  @Test
  void aJourneysTextIsShownWithTheContactItAlreadyHas_noSecondLookup() {
    long instance = start("show-text-in-hubspot", Map.of("businessId", "demo", "contactId", "9", "leadPhone", "+15551230003",
        "direction", "OUTGOING", "text", "Sorry we missed your call", "messageSid", "SM3"));

    ActivatedJob show = zeebe.nextJob("io.textback:hubspot-thread-message:1", instance);
    assertThat(show.getVariablesAsMap()).containsEntry("contactId", "9").containsEntry("direction", "OUTGOING")
        .containsEntry("messageSid", "SM3");
    zeebe.complete(show, Map.of());

    assertThat(zeebe.completedElements(instance)).contains("TextToShow").doesNotContain("FindOrCreateContact");
    assertThat(zeebe.endEvents(instance)).containsExactly("TextShown");
  }

  @Test
  void aFormLeadsContactIsFoundAndItsIdReturned() {
    long instance = start("find-contact-in-hubspot", Map.of("businessId", "demo", "phone", "+15551230004",
        "firstName", "Ann", "email", "ann@example.com", "source", "Website"));

    ActivatedJob contact = zeebe.nextJob("io.textback:hubspot-contact:1", instance);
    assertThat(contact.getVariablesAsMap()).containsEntry("phone", "+15551230004").containsEntry("firstName", "Ann")
        .containsEntry("source", "Website");
    zeebe.complete(contact, Map.of("hubspotContact", Map.of("contactId", "10")));

    assertThat(zeebe.endEvents(instance)).containsExactly("ContactFound");
    assertThat(zeebe.variable(instance, "contactId")).as("what the journey maps back").isEqualTo("10");
  }

  @Test
  void aDealIsCreatedOnTheContact() {
    long instance = start("create-deal-in-hubspot", Map.of("businessId", "demo", "contactId", "11",
        "dealName", "Missed call from +15551230005", "key", "CA5", "leadKey", "demo:+15551230005"));

    ActivatedJob deal = zeebe.nextJob("io.textback:hubspot-deal:1", instance);
    assertThat(deal.getVariablesAsMap()).containsEntry("contactId", "11").containsEntry("key", "CA5")
        .containsEntry("leadKey", "demo:+15551230005");
    zeebe.complete(deal, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("DealCreated");
  }

  @Test
  void aTaskIsCreatedForTheOwner() {
    long instance = start("create-task-in-hubspot", Map.of("businessId", "demo", "leadPhone", "+15551230006",
        "subject", "Answer +15551230006 now", "key", "conversation-6:escalation", "priority", "HIGH"));

    ActivatedJob task = zeebe.nextJob("io.textback:hubspot-task:1", instance);
    assertThat(task.getVariablesAsMap()).containsEntry("leadPhone", "+15551230006").containsEntry("priority", "HIGH")
        .containsEntry("key", "conversation-6:escalation");
    zeebe.complete(task, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("TaskCreated");
  }

  @Test
  void everyNoCrmStepEndsAtOnce_withoutAJob() {
    for (String step : CrmModels.STEPS) {
      long instance = start(step + "-in-none", Map.of("businessId", "solo", "callerPhone", "+15551230007"));
      assertThat(zeebe.isCompleted(instance)).as(step + "-in-none").isTrue();
      assertThat(zeebe.variable(instance, "contactId")).as(step + "-in-none returns no contact").isNull();
    }
  }

  private long start(String process, Map<String, Object> variables) {
    long instance = zeebe.client().newCreateInstanceCommand().bpmnProcessId(process).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
    zeebe.idle();
    return instance;
  }
}
