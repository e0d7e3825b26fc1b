package io.textback.worker.conversation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.textback.worker.EngineTime;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.business.BusinessSettings.Timers;
import io.textback.worker.copy.CopyCase;
import io.textback.worker.crm.CrmThreads;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.report.JourneyFacts;
import io.textback.worker.schedule.TextingHours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Job workers of lead-conversation.bpmn: open, quiet hours, the response clock, close. */
@Component
public class ConversationWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationWorkers.class);
  /** End event id → the outcome the reports count. */
  private static final Map<String, String> OUTCOMES = Map.of(
      "NoReply", "No reply", "Recovered", "Recovered", "Booked", "Booked", "OptedOut", "Opted out");

  /** How often a paused conversation's held follow-up looks again. */
  static final Duration PAUSED_RECHECK = Duration.ofHours(1);
  private final BusinessDirectory businesses;
  private final ConversationStore conversations;
  private final TextingHours textingHours;
  private final CrmThreads crmThreads;
  private final JourneyFacts facts;
  private final Clock clock;

  public ConversationWorkers(BusinessDirectory businesses, ConversationStore conversations, TextingHours textingHours,
      CrmThreads crmThreads, JourneyFacts facts, Clock clock) {
    this.businesses = businesses;
    this.conversations = conversations;
    this.textingHours = textingHours;
    this.crmThreads = crmThreads;
    this.facts = facts;
    this.clock = clock;
  }

  @JobWorker(type = "open-conversation", fetchVariables = {"businessId", "leadPhone", "leadKey", "channel",
      "textBackSid", "textBackBody", "firstName", "journeyKey"})
  public Map<String, Object> open(@Variable String businessId, @Variable String leadPhone, @Variable String leadKey,
      @Variable String channel, @Variable String textBackSid, @Variable String textBackBody, @Variable String firstName,
      @Variable String journeyKey, io.camunda.client.api.response.ActivatedJob job) {
    Business business = businesses.requireForJob(businessId);
    Conversation conversation = conversations.openOrJoin(businessId, leadPhone, leadKey, channel == null ? "call" : channel);
    conversations.linkProcess(conversation.id(), job.getProcessInstanceKey());
    if (journeyKey != null) {
      facts.linkConversation(journeyKey, conversation.id());
      facts.record(journeyKey, JourneyFacts.TEXTED, null, clock.instant());
    }
    if (textBackSid != null && textBackBody != null) {
      conversations.addMessage(conversation.id(), businessId, leadPhone, "OUT", textBackBody, textBackSid, "text-back");
    }
    Timers t = business.timers();
    Map<String, String> values = new HashMap<>();
    if (firstName != null) {
      values.put("firstName", firstName);
    }
    Map<String, Object> out = new HashMap<>();
    out.put("conversationId", conversation.id());
    out.put("followUp1", t.followUp1().toString());
    out.put("followUp2", t.followUp2().toString());
    out.put("finalWait", t.finalWait().toString());
    out.put("responseSla", t.responseSla().toString());
    out.put("escalationDelay", t.escalationDelay().toString());
    out.put("conversationTtl", t.conversationTtl().toString());
    out.put("followUp1Body", business.copy().render(CopyCase.FOLLOW_UP_1, values));
    out.put("followUp2Body", business.copy().render(CopyCase.FOLLOW_UP_2, values));
    LOG.info("Conversation {} open for {} with {}", conversation.id(), businessId, PhoneNumbers.mask(leadPhone));
    return out;
  }

  /**
   * How long to hold a follow-up so it reaches the lead when the texting rules of their state allow
   * (hours per weekday, Sundays, holidays, texts per 24 hours), in their local time.
   */
  @JobWorker(type = "quiet-hours", fetchVariables = {"businessId", "leadPhone", "conversationId", "now"})
  public Map<String, Object> quietHours(@Variable String businessId, @Variable String leadPhone,
      @Variable Long conversationId, @Variable String now) {
    Business business = businesses.requireForJob(businessId);
    if (conversations.isPaused(conversationId)) {
      // Paused from a CRM's card or the console: hold the follow-up and look again in an hour (the same loop as quiet hours).
      LOG.info("Follow-up to {} held: automation paused", PhoneNumbers.mask(leadPhone));
      return Map.of("quietWait", PAUSED_RECHECK.toString());
    }
    Instant at = EngineTime.parse(now, clock);
    TextingHours.Hold hold = textingHours.holdFor(business, leadPhone, at);
    Duration wait = Duration.between(at, hold.until());
    if (!wait.isZero()) {
      LOG.info("Follow-up to {} held {} for the texting hours of {}", PhoneNumbers.mask(leadPhone), wait, hold.states());
    }
    return Map.of("quietWait", wait.toString());
  }

  /** The response SLA counted in business hours: after hours the clock starts at the next opening. */
  @JobWorker(type = "response-sla", fetchVariables = {"businessId", "responseSla", "now"})
  public Map<String, Object> responseClock(@Variable String businessId, @Variable String responseSla, @Variable String now) {
    Business business = businesses.requireForJob(businessId);
    Instant at = EngineTime.parse(now, clock);
    Duration sla = responseSla == null ? business.timers().responseSla() : Duration.parse(responseSla);
    Instant deadline = business.hours().addOpenTime(at, sla);
    return Map.of("slaWait", Duration.between(at, deadline).toString(), "slaDeadline", deadline.toString());
  }

  /** Execution listener on every end event: the conversation is closed with the journey's outcome. */
  @JobWorker(type = "close-conversation", fetchVariables = {"conversationId"})
  public void close(ActivatedJob job, @Variable Long conversationId) {
    String outcome = OUTCOMES.getOrDefault(job.getElementId(), job.getElementId());
    if (conversationId != null) {
      conversations.close(conversationId, outcome);
      switch (outcome) {
        case "Booked" -> facts.recordForConversation(conversationId, JourneyFacts.BOOKED, null, clock.instant());
        case "Opted out" -> facts.recordForConversation(conversationId, JourneyFacts.OPTED_OUT, null, clock.instant());
        default -> { }
      }
      LOG.info("Conversation {} closed: {}", conversationId, outcome);
    }
  }

  /**
   * Execution listener at the end of each follow-up's send task (SendFollowUp1, SendFollowUp2): a
   * follow-up that went out joins the conversation's history and the lead's thread in the CRM.
   */
  @JobWorker(type = "note-follow-up", fetchVariables = {"businessId", "leadPhone", "conversationId",
      "followUp1Body", "followUp1Result", "followUp2Body", "followUp2Result"})
  public void noteFollowUp(ActivatedJob job) {
    String n = job.getElementId().replaceAll("\\D", "");
    Map<String, Object> v = job.getVariablesAsMap();
    if (!(v.get("followUp" + n + "Result") instanceof Map<?, ?> result) || !"SENT".equals(result.get("outcome"))) {
      return; // refused (opted out, landline): nothing went out
    }
    String businessId = (String) v.get("businessId");
    String leadPhone = (String) v.get("leadPhone");
    String body = (String) v.get("followUp" + n + "Body");
    String sid = (String) result.get("messageSid");
    Long conversationId = v.get("conversationId") instanceof Number id ? id.longValue() : null;
    conversations.addMessage(conversationId, businessId, leadPhone, "OUT", body, sid, "follow-up-" + n);
    businesses.byId(businessId).ifPresent(b -> crmThreads.sent(b, leadPhone, body, sid, clock.instant()));
  }
}
