package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.textback.testkit.ProcessTestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every path of form-auto-response.bpmn. */
class FormAutoResponseProcessTest {
  static final String PROCESS = "form-auto-response";
  static final String SEND = "io.textback:sms-send:1";
  static final String LOOKUP = LineCheck.LOOKUP;
  static final AtomicInteger FORMS = new AtomicInteger();
  static ProcessTestEngine zeebe;

  @BeforeAll
  static void start() {
    zeebe = new ProcessTestEngine();
    zeebe.deploy(CrmModels.with("bpmn/form-auto-response.bpmn", "bpmn/lead-conversation.bpmn"));
  }

  @AfterAll
  static void stop() {
    zeebe.close();
  }

  record Form(String submissionId, String leadKey, String phone, long instance) {}

  Form submit() {
    int n = FORMS.incrementAndGet();
    String phone = "+1555030%04d".formatted(n);
    String submissionId = "form-" + n;
    String leadKey = "demo:" + phone;
    zeebe.publish("form-submitted", leadKey, submissionId, Map.of("businessId", "demo", "submissionId", submissionId,
        "leadKey", leadKey, "leadPhone", phone, "firstName", "Ann", "email", "ann@example.com",
        "formMessage", "Water heater leaking", "source", "Website", "submittedAt", "2026-11-29T10:00:00Z"));
    return new Form(submissionId, leadKey, phone, zeebe.instanceStartedFor(PROCESS, "submissionId", submissionId));
  }

  void screen(Form form, boolean textable, String reason) {
    Map<String, Object> result = new HashMap<>(Map.of("textable", textable, "leadPhone", form.phone(),
        "businessPhone", "+15550100000", "afterHours", false, "replyBody", "Hi Ann, it's Demo Plumbing.", "crm", "hubspot"));
    if (reason != null) {
      result.put("notTextedReason", reason);
    }
    ActivatedJob job = zeebe.nextJob("screen-form", form.instance());
    assertThat(job.getVariablesAsMap()).containsKey("now");
    zeebe.complete(job, result);
    if (textable) {
      lineChecked(form, true, null);
    }
  }

  /** The line-type step answers (see LineCheck). */
  void lineChecked(Form form, boolean textable, String reason) {
    ActivatedJob lookup = zeebe.nextJob(LOOKUP, form.instance());
    assertThat(lookup.getVariablesAsMap()).containsEntry("phone", form.phone()).containsEntry("whenLookupFails", "do-not-text");
    zeebe.complete(lookup, LineCheck.result(textable, reason));
  }

  ActivatedJob contact(Form form) {
    ActivatedJob job = zeebe.nextJobWithin("io.textback:hubspot-contact:1", form.instance());
    assertThat(job.getVariablesAsMap()).containsEntry("phone", form.phone()).containsEntry("firstName", "Ann")
        .containsEntry("email", "ann@example.com").containsEntry("source", "Website");
    zeebe.complete(job, Map.of("hubspotContact", Map.of("contactId", "900")));
    return job;
  }

  @Test
  void aTextableLead_getsTheReply_theConversationAndEverythingInHubSpot() {
    Form form = submit();
    screen(form, true, null);
    ActivatedJob send = zeebe.nextJob(SEND, form.instance());
    assertThat(send.getVariablesAsMap()).containsEntry("to", form.phone()).containsEntry("from", "+15550100000")
        .containsEntry("idempotencyKey", form.submissionId() + ":form-reply");
    zeebe.complete(send, Map.of("formReply", Map.of("outcome", "SENT", "messageSid", "SM-" + form.submissionId())));

    long conversation = zeebe.instanceStartedFor("lead-conversation", "leadKey", form.leadKey());
    ActivatedJob open = zeebe.nextJob("open-conversation", conversation);
    assertThat(open.getVariablesAsMap()).containsEntry("channel", "form").containsEntry("textBackSid", "SM-" + form.submissionId())
        .containsEntry("firstName", "Ann");

    contact(form);
    ActivatedJob formInThread = zeebe.nextJobWithin("io.textback:hubspot-thread-message:1", form.instance());
    assertThat(formInThread.getVariablesAsMap()).containsEntry("direction", "INCOMING")
        .containsEntry("text", "Web form: Water heater leaking").containsEntry("messageSid", "form:" + form.submissionId());
    zeebe.complete(formInThread, Map.of());
    ActivatedJob replyInThread = zeebe.nextJobWithin("io.textback:hubspot-thread-message:1", form.instance());
    assertThat(replyInThread.getVariablesAsMap()).containsEntry("direction", "OUTGOING")
        .containsEntry("messageSid", "SM-" + form.submissionId());
    zeebe.complete(replyInThread, Map.of());
    ActivatedJob deal = zeebe.nextJobWithin("io.textback:hubspot-deal:1", form.instance());
    assertThat(deal.getVariablesAsMap()).containsEntry("dealName", "Web form from Ann (" + form.phone() + ")")
        .containsEntry("contactId", "900").containsEntry("leadKey", form.leadKey());
    zeebe.complete(deal, Map.of());

    assertThat(zeebe.isCompleted(form.instance())).isFalse(); // the conversation is still open
    assertThat(zeebe.variable(conversation, "journeyKey")).isEqualTo(form.submissionId());
    zeebe.publish("lead-opted-out", form.leadKey(), "SM-stop-" + form.submissionId(), Map.of());
    zeebe.complete(zeebe.nextJob("close-conversation", conversation), Map.of());
    assertThat(zeebe.endEvents(form.instance())).containsExactly("Texted");
  }

  @Test
  void theSameSubmissionTwice_oneJourney() {
    Form form = submit();
    try {
      zeebe.publish("form-submitted", form.leadKey(), form.submissionId(), Map.of("submissionId", form.submissionId()));
    } catch (io.camunda.client.api.command.ClientStatusException alreadyPublished) {
      // the engine refuses the same message id while the first is buffered: that is the point
    }
    assertThat(zeebe.instancesWith(PROCESS, "submissionId", form.submissionId())).isEqualTo(1);
  }

  @Test
  void aRefusedText_endsNotTexted() {
    Form form = submit();
    screen(form, true, null);
    zeebe.complete(zeebe.nextJob(SEND, form.instance()), Map.of("formReply", Map.of("outcome", "REFUSED", "reason", "opted out")));
    journeyEnded(form.instance(), "NotTextedRefused");
    assertThat(zeebe.endEvents(form.instance())).containsExactly("NotTextedRefused");
  }

  /** The reply was over the first-text cap: the journey waits at "Wait for an admin". */
  Form heldReply() {
    Form form = submit();
    screen(form, true, null);
    zeebe.complete(zeebe.nextJob(SEND, form.instance()), Map.of("formReply", Map.of("outcome", "HELD", "reason", "number_range_hourly_cap")));
    zeebe.idle();
    assertThat(zeebe.isWaitingFor("held-text-decided", form.submissionId() + ":form-reply")).isTrue();
    return form;
  }

  @Test
  void aHeldReplyReleasedByAnAdmin_isSentThen_andTheConversationStarts() {
    Form form = heldReply();

    zeebe.publish("held-text-decided", form.submissionId() + ":form-reply", "decided-" + form.submissionId(),
        Map.of("textReleased", true));

    ActivatedJob again = zeebe.nextJob(SEND, form.instance());
    assertThat(again.getVariablesAsMap()).containsEntry("idempotencyKey", form.submissionId() + ":form-reply");
    zeebe.complete(again, Map.of("formReply", Map.of("outcome", "SENT", "messageSid", "SM-" + form.submissionId())));
    long conversation = zeebe.instanceStartedFor("lead-conversation", "leadKey", form.leadKey());
    assertThat(zeebe.nextJob("open-conversation", conversation).getVariablesAsMap()).containsEntry("textBackSid", "SM-" + form.submissionId());
  }

  @Test
  void aHeldReplyDiscardedByAnAdmin_notTexted() {
    Form form = heldReply();

    zeebe.publish("held-text-decided", form.submissionId() + ":form-reply", "decided-" + form.submissionId(),
        Map.of("textReleased", false, "notTextedReason", "held_discarded"));

    journeyEnded(form.instance(), "NotTextedDiscarded");
    assertThat(zeebe.endEvents(form.instance())).containsExactly("NotTextedDiscarded");
  }

  @Test
  void aHeldReplyNobodyDecidesInADay_isDropped_notTexted() {
    Form form = heldReply();

    zeebe.increaseTime(java.time.Duration.ofHours(24));

    ActivatedJob drop = zeebe.nextJob("drop-held-text", form.instance());
    assertThat(drop.getElementId()).isEqualTo("NotTextedHeldTooLong");
    zeebe.complete(drop, Map.of());
    journeyEnded(form.instance(), "NotTextedHeldTooLong");
    assertThat(zeebe.variable(form.instance(), "notTextedReason")).isEqualTo("held_not_released");
  }

  @Test
  void aLandline_isNotTextedButLoggedInHubSpot() {
    Form form = submit();
    Map<String, Object> screened = new HashMap<>(Map.of("textable", true, "leadPhone", form.phone(),
        "businessPhone", "+15550100000", "afterHours", false, "replyBody", "Hi Ann, it's Demo Plumbing.", "crm", "hubspot"));
    zeebe.complete(zeebe.nextJob("screen-form", form.instance()), screened);
    lineChecked(form, false, "landline");
    contact(form);
    journeyEnded(form.instance(), "NotTextedLogged");
    assertThat(zeebe.endEvents(form.instance())).containsExactly("NotTextedLogged");
    assertThat(zeebe.variable(form.instance(), "notTextedReason")).isEqualTo("landline");
    assertThat(zeebe.completedElements(form.instance())).doesNotContain("SendReply");
  }

  @Test
  void aLeadWhoCannotBeTexted_isStillLoggedInHubSpot() {
    Form form = submit();
    screen(form, false, "no_consent");
    contact(form);
    journeyEnded(form.instance(), "NotTextedLogged");
    assertThat(zeebe.endEvents(form.instance())).containsExactly("NotTextedLogged");
  }

  @Test
  void aLeadAlreadyInAConversation_joinsIt_andTheFormShowsInTheirThread() {
    Form form = submit();
    screen(form, false, "in_conversation");
    contact(form);
    ActivatedJob thread = zeebe.nextJobWithin("io.textback:hubspot-thread-message:1", form.instance());
    assertThat(thread.getVariablesAsMap()).containsEntry("direction", "INCOMING").containsEntry("text", "Web form: Water heater leaking");
    zeebe.complete(thread, Map.of());
    journeyEnded(form.instance(), "Joined");
    assertThat(zeebe.endEvents(form.instance())).containsExactly("Joined");
    assertThat(zeebe.findInstance("lead-conversation", "leadKey", form.leadKey())).isEmpty();
  }

  @Test
  void aBlockedNumber_isNotLogged() {
    Form form = submit();
    screen(form, false, "blocked");
    journeyEnded(form.instance(), "NotTextedScreened");
    assertThat(zeebe.endEvents(form.instance())).containsExactly("NotTextedScreened");
  }

  /** The end event's listener records the journey's fact (why it was not texted, voicemail, reached). */
  void journeyEnded(long instance, String endEvent) {
    ActivatedJob listener = zeebe.nextJob("journey-end", instance);
    assertThat(listener.getElementId()).isEqualTo(endEvent);
    zeebe.complete(listener, Map.of());
  }
}
