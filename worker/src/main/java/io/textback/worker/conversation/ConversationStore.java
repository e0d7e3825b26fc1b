package io.textback.worker.conversation;

import io.textback.worker.report.JourneyFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation tables: one open conversation per (business, phone), its texts and the calls the
 * lead made again. Every change is announced ({@link ConversationChanged}) so an open inbox shows it.
 */
@Repository
public class ConversationStore {
  private final JdbcClient jdbc;
  private final JourneyFacts facts;
  private final Clock clock;
  private final ApplicationEventPublisher changes;

  public ConversationStore(JdbcClient jdbc, JourneyFacts facts, Clock clock, ApplicationEventPublisher changes) {
    this.jdbc = jdbc;
    this.facts = facts;
    this.clock = clock;
    this.changes = changes;
  }

  private void changed(String businessId, Long conversationId) {
    changes.publishEvent(new ConversationChanged(businessId, conversationId));
  }

  /** The business is looked up by whoever listens, and only when an inbox page is open: no query on this path. */
  private void changed(long conversationId) {
    changed(null, conversationId);
  }

  /** The business a conversation belongs to. */
  public Optional<String> businessOf(long conversationId) {
    return jdbc.sql("select business_id from conversation where id = :id").param("id", conversationId)
        .query(String.class).optional();
  }

  /** Opens a conversation, or returns the one already open for this business and phone. */
  @Transactional
  public Conversation openOrJoin(String businessId, String phone, String leadKey, String channel) {
    jdbc.sql("""
            insert into conversation (business_id, phone, lead_key, channel) values (:b, :p, :k, :c)
            on conflict (business_id, phone) where state = 'OPEN' do nothing""")
        .param("b", businessId).param("p", phone).param("k", leadKey).param("c", channel).update();
    Conversation open = findOpen(businessId, phone).orElseThrow();
    changed(businessId, open.id());
    return open;
  }

  public Optional<Conversation> findOpen(String businessId, String phone) {
    return jdbc.sql("select * from conversation where business_id = :b and phone = :p and state = 'OPEN'")
        .param("b", businessId).param("p", phone).query(ConversationStore::map).optional();
  }

  public Optional<Conversation> findOpenByLeadKey(String leadKey) {
    return jdbc.sql("select * from conversation where lead_key = :k and state = 'OPEN'")
        .param("k", leadKey).query(ConversationStore::map).optional();
  }

  public Optional<Conversation> byId(long id) {
    return jdbc.sql("select * from conversation where id = :id").param("id", id)
        .query(ConversationStore::map).optional();
  }

  /** Notes the process instance that runs the conversation (the first one to open it). */
  public void linkProcess(long id, long processInstanceKey) {
    jdbc.sql("update conversation set process_instance_key = :k where id = :id and process_instance_key is null")
        .param("k", processInstanceKey).param("id", id).update();
  }

  /** Open conversations with their process instance, opened before {@code before}, by id after {@code afterId}. */
  public java.util.List<OpenProcess> openWithProcess(java.time.Instant before, long afterId, int limit) {
    return jdbc.sql("""
            select id, process_instance_key from conversation
            where state = 'OPEN' and process_instance_key is not null and opened_at < :before and id > :after
            order by id limit :limit""")
        .param("before", java.sql.Timestamp.from(before)).param("after", afterId).param("limit", limit)
        .query((rs, i) -> new OpenProcess(rs.getLong("id"), rs.getLong("process_instance_key"))).list();
  }

  /** An open conversation and the process instance that runs it. */
  public record OpenProcess(long conversationId, long processInstanceKey) {}

  /** Closes it with the journey's outcome; closing twice keeps the first outcome. */
  public void close(long id, String outcome) {
    jdbc.sql("update conversation set state = 'CLOSED', outcome = :o, closed_at = now() where id = :id and state = 'OPEN'")
        .param("o", outcome).param("id", id).update();
    changed(id);
  }

  /**
   * The same person called again while the conversation was open: no second text-back. Each call
   * counts once, however often its webhook or job is retried.
   */
  public void recordRepeatCall(long id, String callSid, String reason) {
    int added = jdbc.sql("insert into conversation_call (call_sid, conversation_id, reason) values (:sid, :id, :r)"
            + " on conflict (call_sid) do nothing")
        .param("sid", callSid).param("id", id).param("r", reason).update();
    if (added > 0) {
      jdbc.sql("update conversation set repeat_calls = repeat_calls + 1, last_repeat_call_at = now() where id = :id")
          .param("id", id).update();
      changed(id);
    }
  }

  /** The lead answered: the journey is recovered (the reply's fact says how many follow-ups it took). */
  public void recordLeadReply(long id) {
    jdbc.sql("update conversation set first_reply_at = coalesce(first_reply_at, now()) where id = :id")
        .param("id", id).update();
    long followUps = jdbc.sql("select count(*) from conversation_message where conversation_id = :id and kind like 'follow-up-%'")
        .param("id", id).query(Long.class).single();
    facts.recordForConversation(id, JourneyFacts.REPLY, Long.toString(followUps), clock.instant());
    changed(id);
  }

  /** A person at the business answered: the first one sets the journey's response time. */
  public void recordAgentReply(long id) {
    jdbc.sql("update conversation set first_agent_reply_at = coalesce(first_agent_reply_at, now()) where id = :id")
        .param("id", id).update();
    facts.recordForConversation(id, JourneyFacts.HUMAN_REPLY, null, clock.instant());
    changed(id);
  }

  /** A person paused the automation for this lead (in the CRM or the console): no follow-ups, no escalation texts. */
  public boolean isPaused(Long id) {
    return id != null && jdbc.sql("select paused from conversation where id = :id").param("id", id)
        .query(Boolean.class).optional().orElse(false);
  }

  /**
   * A person paused or resumed the automation for the lead's open conversation (from the CRM's card
   * or the inbox); false when there is none. Resuming is a person's decision on a doubtful text too:
   * the review it waited for is done.
   */
  public boolean setPaused(String businessId, String phone, boolean paused) {
    Optional<Conversation> open = findOpen(businessId, phone);
    if (open.isEmpty()) {
      return false;
    }
    jdbc.sql("update conversation set paused = :p, review = case when :p then review else null end where id = :id")
        .param("p", paused).param("id", open.get().id()).update();
    changed(businessId, open.get().id());
    return true;
  }

  /**
   * A text that may revoke consent: the automation pauses (no follow-ups, no escalation texts to the
   * lead) and the conversation says why, until a person decides ({@link #resumeAfterReview}, or an opt-out).
   */
  public void pauseForReview(long id, String why) {
    jdbc.sql("update conversation set paused = true, review = :why where id = :id and state = 'OPEN'")
        .param("why", why).param("id", id).update();
    changed(id);
  }

  /** A person read the doubtful text: not an opt-out, so the automation resumes; false when nothing waited. */
  public boolean resumeAfterReview(long id) {
    boolean resumed = jdbc.sql("update conversation set paused = false, review = null where id = :id and review is not null")
        .param("id", id).update() > 0;
    changed(id);
    return resumed;
  }

  /** Why the open conversations of these leads wait for a person: phone → why, for those that do. */
  public java.util.Map<String, String> reviewsOf(String businessId, java.util.Collection<String> phones) {
    java.util.Map<String, String> reviews = new java.util.HashMap<>();
    if (phones.isEmpty()) {
      return reviews;
    }
    jdbc.sql("select phone, review from conversation where business_id = :b and phone in (:p) and state = 'OPEN'"
            + " and review is not null")
        .param("b", businessId).param("p", phones)
        .query((rs, i) -> reviews.put(rs.getString(1), rs.getString(2))).list();
    return reviews;
  }

  /** When the business's texts to this number went out since {@code since} (the texting caps count them). */
  public java.util.List<java.time.Instant> textsSentTo(String businessId, String phone, java.time.Instant since) {
    return jdbc.sql("select created_at from conversation_message where business_id = :b and phone = :p"
            + " and direction = 'OUT' and created_at >= :since order by created_at")
        .param("b", businessId).param("p", phone).param("since", java.sql.Timestamp.from(since))
        .query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
  }

  /**
   * Whether this number ever answered the business in a conversation (a form is not a text: anyone
   * can type a number; nor is a stranger's text outside one: a pump could text first from each).
   */
  public boolean hasTextedIn(String businessId, String phone) {
    return jdbc.sql("""
            select exists (select 1 from conversation_message
                           where business_id = :b and phone = :p and direction = 'IN' and kind <> 'form'
                             and conversation_id is not null)""")
        .param("b", businessId).param("p", phone).query(Boolean.class).single();
  }

  /** Stores a text on the conversation (or on none, for a text from a stranger); a repeat sid is a no-op. */
  public void addMessage(Long conversationId, String businessId, String phone, String direction, String body,
      String providerSid, String kind) {
    jdbc.sql("""
            insert into conversation_message (conversation_id, business_id, phone, direction, body, provider_sid, kind)
            values (:c, :b, :p, :d, :body, :sid, :kind) on conflict (provider_sid) do nothing""")
        .param("c", conversationId).param("b", businessId).param("p", phone).param("d", direction)
        .param("body", body).param("sid", providerSid).param("kind", kind).update();
    changed(businessId, conversationId);
  }

  /**
   * A web form from a lead who already has an open conversation: stored there as the lead's message
   * (once per submission). Returns the text, as the lead's thread in the CRM shows it too.
   */
  public String recordForm(Conversation open, String submissionId, String formMessage) {
    String text = "Web form: " + (formMessage == null ? "(no message)" : formMessage);
    addMessage(open.id(), open.businessId(), open.phone(), "IN", text, "form:" + submissionId, "form");
    return text;
  }

  private static Conversation map(ResultSet rs, int i) throws SQLException {
    return new Conversation(rs.getLong("id"), rs.getString("business_id"), rs.getString("phone"),
        rs.getString("lead_key"), rs.getString("channel"), rs.getString("state"), rs.getString("outcome"),
        rs.getTimestamp("opened_at").toInstant(), rs.getInt("repeat_calls"));
  }
}
