package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.textback.testkit.ProcessTestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The small HubSpot processes: every path. */
class HubSpotProcessesTest {
  static ProcessTestEngine zeebe;

  @BeforeAll
  static void start() {
    zeebe = new ProcessTestEngine();
    zeebe.deploy("bpmn/show-text-in-hubspot.bpmn", "bpmn/log-call-in-hubspot.bpmn");
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
}
