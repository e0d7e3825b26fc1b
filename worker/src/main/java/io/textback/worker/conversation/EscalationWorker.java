package io.textback.worker.conversation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.textback.worker.EngineTime;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.copy.CopyCase;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.report.JourneyFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lead replied and nobody answered in time: choose who to text (the dispatcher at level 1, the
 * manager at level 2, or the dispatcher again when no manager is set), write the text, and record
 * the escalation. The model's templated "Send SMS" step sends it, so RevOps sees and can change it;
 * without anyone to text, {@code escalationTo} is null and the model skips the send.
 */
@Component
public class EscalationWorker {
  private static final Logger LOG = LoggerFactory.getLogger(EscalationWorker.class);
  private final BusinessDirectory businesses;
  private final JdbcClient jdbc;
  private final JourneyFacts facts;
  private final ConversationStore conversations;
  private final Clock clock;
  private final io.textback.worker.inbox.InboxReader inbox;
  private final String publicBaseUrl;

  public EscalationWorker(BusinessDirectory businesses, JdbcClient jdbc, JourneyFacts facts,
      ConversationStore conversations, Clock clock, io.textback.worker.inbox.InboxReader inbox,
      io.textback.worker.TextbackProperties properties) {
    this.inbox = inbox;
    this.publicBaseUrl = properties.publicBaseUrl();
    this.businesses = businesses;
    this.jdbc = jdbc;
    this.facts = facts;
    this.conversations = conversations;
    this.clock = clock;
  }

  @JobWorker(type = "compose-escalation",
      fetchVariables = {"businessId", "conversationId", "leadPhone", "escalationLevel", "now"})
  public Map<String, Object> compose(@Variable String businessId, @Variable Long conversationId,
      @Variable String leadPhone, @Variable Integer escalationLevel, @Variable String now) {
    Business business = businesses.requireForJob(businessId);
    if (conversations.isPaused(conversationId)) {
      LOG.info("Conversation {}: escalation not texted, automation paused", conversationId);
      return escalation(null, null);
    }
    int level = escalationLevel == null ? 1 : escalationLevel;
    String staff = level >= 2 && business.managerPhone() != null ? business.managerPhone() : business.dispatcherPhone();
    Instant at = EngineTime.parse(now, clock);
    long minutes = jdbc.sql("select first_reply_at from conversation where id = :id").param("id", conversationId)
        .query(java.sql.Timestamp.class).optional()
        .map(t -> Duration.between(t.toInstant(), at).toMinutes()).orElse(0L);
    jdbc.sql("insert into escalation (conversation_id, level, notified_phone) values (:c, :l, :p) on conflict do nothing")
        .param("c", conversationId).param("l", level).param("p", staff).update();
    facts.recordForConversation(conversationId, JourneyFacts.ESCALATED, Integer.toString(level), clock.instant());
    if (staff == null) {
      LOG.warn("Conversation {} escalated (level {}) but {} has no dispatcher-phone to text", conversationId, level, businessId);
      return escalation(null, null);
    }
    LOG.info("Conversation {} escalated (level {}) to {}", conversationId, level, PhoneNumbers.mask(staff));
    io.textback.worker.inbox.InboxReader.Lead lead = inbox.lead(conversationId);
    return escalation(staff, business.copy().render(CopyCase.ESCALATION, Map.of("leadPhone", leadPhone,
        "minutes", Long.toString(Math.max(minutes, 0)),
        "lead", who(lead, leadPhone),
        "leadWords", io.textback.worker.copy.LeadWords.quote(lead.lastText()),
        "link", publicBaseUrl + "/console/inbox/" + conversationId)));
  }

  /** The lead's name as a form gave it, when it is a plain name (anyone writes a form), and the number. */
  private static String who(io.textback.worker.inbox.InboxReader.Lead lead, String phone) {
    String name = java.util.stream.Stream.of(lead.firstName(), lead.lastName())
        .map(io.textback.worker.copy.PlainName::of).flatMap(java.util.Optional::stream)
        .collect(java.util.stream.Collectors.joining(" "));
    return name.isEmpty() ? phone : name + " (" + phone + ")";
  }

  /** Who to text and what; both null when nobody is texted (the model then skips the send). */
  private static Map<String, Object> escalation(String to, String body) {
    Map<String, Object> out = new HashMap<>(); // Map.of refuses the nulls the model reads
    out.put("escalationTo", to);
    out.put("escalationBody", body);
    return out;
  }
}
