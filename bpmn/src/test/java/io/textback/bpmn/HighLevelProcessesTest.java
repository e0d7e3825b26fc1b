package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.textback.testkit.ProcessTestEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GoHighLevel step processes the journeys call, and the one started per SMS: every path. */
class HighLevelProcessesTest {
  static final String CONTACT = "io.textback:gohighlevel-contact:1";
  static final String MESSAGE = "io.textback:gohighlevel-thread-message:1";
  static ProcessTestEngine zeebe;

  @BeforeAll
  static void start() {
    zeebe = new ProcessTestEngine();
    zeebe.deploy(CrmModels.with("bpmn/sms-consent-in-gohighlevel.bpmn"));
  }

  @AfterAll
  static void stop() {
    zeebe.close();
  }

  @Test
  void aLeadsTextIsShownInTheirConversation_andATextSentAsOutbound() {
    for (String[] way : new String[][] {{"sms-received-gohighlevel", "SM-g1", "INCOMING", "SmsReceived"},
        {"sms-sent-gohighlevel", "SM-g2", "OUTGOING", "SmsSent"}}) {
      zeebe.client().newPublishMessageCommand().messageName(way[0]).correlationKey(way[1]).messageId(way[1])
          .timeToLive(Duration.ofHours(1)).variables(Map.of("businessId", "ghl", "leadPhone", "+15551240001",
              "text", "Is today possible?", "messageSid", way[1], "at", "2026-12-02T10:00:00Z")).send().join();
      long instance = zeebe.instanceStartedFor("show-text-in-gohighlevel", "messageSid", way[1]);

      ActivatedJob contact = zeebe.nextJob(CONTACT, instance);
      assertThat(contact.getVariablesAsMap()).containsEntry("phone", "+15551240001").containsEntry("source", "Text message");
      zeebe.complete(contact, Map.of("highLevelContact", Map.of("contactId", "c-7")));
      ActivatedJob show = zeebe.nextJob(MESSAGE, instance);
      assertThat(show.getVariablesAsMap()).containsEntry("direction", way[2]).containsEntry("contactId", "c-7")
          .containsEntry("messageSid", way[1]);
      zeebe.complete(show, Map.of());

      assertThat(zeebe.completedElements(instance)).contains(way[3]);
      assertThat(zeebe.endEvents(instance)).containsExactly("TextShown");
    }
  }

  @Test
  void theMessagesOfOneCrmStartNoOtherCrmsProcess() {
    zeebe.client().newPublishMessageCommand().messageName("sms-received-gohighlevel").correlationKey("SM-g3")
        .messageId("SM-g3").timeToLive(Duration.ofHours(1)).variables(Map.of("businessId", "ghl", "leadPhone",
            "+15551240002", "text", "hi", "messageSid", "SM-g3", "at", "2026-12-02T10:00:00Z")).send().join();
    zeebe.instanceStartedFor("show-text-in-gohighlevel", "messageSid", "SM-g3");

    assertThat(zeebe.instancesWith("show-text-in-hubspot", "messageSid", "SM-g3")).isZero();
  }

  @Test
  void aJourneysTextIsShownWithTheContactItHas() {
    long instance = start("show-text-in-gohighlevel", Map.of("businessId", "ghl", "contactId", "c-9",
        "leadPhone", "+15551240003", "direction", "OUTGOING", "text", "Sorry we missed your call", "messageSid", "SM-g4"));

    ActivatedJob show = zeebe.nextJob(MESSAGE, instance);
    assertThat(show.getVariablesAsMap()).containsEntry("contactId", "c-9").containsEntry("text", "Sorry we missed your call");
    zeebe.complete(show, Map.of());

    assertThat(zeebe.completedElements(instance)).doesNotContain("FindOrCreateContact");
    assertThat(zeebe.endEvents(instance)).containsExactly("TextShown");
  }

  @Test
  void aCallIsLoggedOnTheContact_andTheContactReturned() {
    long instance = start("log-call-in-gohighlevel", Map.of("businessId", "ghl", "businessPhone", "+15550500000",
        "callSid", "CA-g1", "callerPhone", "+15551240004", "missedAt", "2026-12-02T10:00:00Z",
        "callOutcome", "LEFT_VOICEMAIL", "recordingUrl", "https://x/RE9"));

    ActivatedJob contact = zeebe.nextJob(CONTACT, instance);
    assertThat(contact.getVariablesAsMap()).containsEntry("phone", "+15551240004").containsEntry("source", "Missed call");
    zeebe.complete(contact, Map.of("highLevelContact", Map.of("contactId", "c-10")));
    ActivatedJob log = zeebe.nextJob("io.textback:gohighlevel-call-log:1", instance);
    assertThat(log.getVariablesAsMap()).containsEntry("contactId", "c-10").containsEntry("outcome", "LEFT_VOICEMAIL")
        .containsEntry("from", "+15551240004").containsEntry("to", "+15550500000").containsEntry("recordingUrl", "https://x/RE9");
    zeebe.complete(log, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("CallLogged");
    assertThat(zeebe.variable(instance, "contactId")).isEqualTo("c-10");
  }

  @Test
  void aFormLeadsContactIsFound() {
    long instance = start("find-contact-in-gohighlevel", Map.of("businessId", "ghl", "phone", "+15551240005",
        "firstName", "Ann", "email", "ann@example.com", "source", "Website"));

    ActivatedJob contact = zeebe.nextJob(CONTACT, instance);
    assertThat(contact.getVariablesAsMap()).containsEntry("firstName", "Ann").containsEntry("email", "ann@example.com");
    zeebe.complete(contact, Map.of("highLevelContact", Map.of("contactId", "c-11")));

    assertThat(zeebe.endEvents(instance)).containsExactly("ContactFound");
    assertThat(zeebe.variable(instance, "contactId")).isEqualTo("c-11");
  }

  @Test
  void anOpportunityIsOpenedForTheDeal() {
    long instance = start("create-deal-in-gohighlevel", Map.of("businessId", "ghl", "contactId", "c-12",
        "dealName", "Missed call from +15551240006", "key", "CA-g2", "leadKey", "ghl:+15551240006"));

    ActivatedJob opportunity = zeebe.nextJob("io.textback:gohighlevel-opportunity:1", instance);
    assertThat(opportunity.getVariablesAsMap()).containsEntry("name", "Missed call from +15551240006")
        .containsEntry("key", "CA-g2").containsEntry("leadKey", "ghl:+15551240006").containsEntry("contactId", "c-12");
    zeebe.complete(opportunity, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("DealCreated");
  }

  @Test
  void aTaskIsCreatedForTheOwner() {
    long instance = start("create-task-in-gohighlevel", Map.of("businessId", "ghl", "leadPhone", "+15551240007",
        "subject", "Answer +15551240007 now", "key", "conversation-9:escalation", "priority", "HIGH"));

    ActivatedJob task = zeebe.nextJob("io.textback:gohighlevel-task:1", instance);
    assertThat(task.getVariablesAsMap()).containsEntry("leadPhone", "+15551240007").containsEntry("priority", "HIGH");
    zeebe.complete(task, Map.of());

    assertThat(zeebe.endEvents(instance)).containsExactly("TaskCreated");
  }

  @Test
  void aStopOrAStartSetsTheContactsDoNotDisturb_oncePerText() {
    for (Object[] text : new Object[][] {{"SM-stop-1", true}, {"SM-start-1", false}}) {
      String sid = (String) text[0];
      Map<String, Object> consent = Map.of("businessId", "ghl", "leadPhone", "+15551240008", "doNotDisturb", text[1],
          "messageSid", sid, "at", "2026-12-02T10:00:00Z");
      zeebe.publish("sms-consent-gohighlevel", sid, sid, consent);
      long instance = zeebe.instanceStartedFor("sms-consent-in-gohighlevel", "messageSid", sid);

      ActivatedJob dnd = zeebe.nextJob("io.textback:gohighlevel-dnd:1", instance);
      assertThat(dnd.getVariablesAsMap()).containsEntry("leadPhone", "+15551240008").containsEntry("doNotDisturb", text[1]);
      zeebe.complete(dnd, Map.of());
      assertThat(zeebe.endEvents(instance)).containsExactly("ConsentSet");
    }
  }

  private long start(String process, Map<String, Object> variables) {
    long instance = zeebe.client().newCreateInstanceCommand().bpmnProcessId(process).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
    zeebe.idle();
    return instance;
  }
}
