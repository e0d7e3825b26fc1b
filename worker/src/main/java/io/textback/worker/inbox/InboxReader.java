package io.textback.worker.inbox;

import io.textback.worker.business.Business;
import io.textback.worker.consent.ConsentEvidence;
import io.textback.worker.crm.CrmRecords;
import io.textback.worker.sms.DeliveryErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox as a business reads it: its conversations (those waiting for an answer first, with the
 * response clock against the business's SLA), and each thread in full. It reads the tables their
 * owners write (conversation, its texts and calls, the outbox's delivery status, escalations, the
 * journey's facts, the form and voicemail events) and owns none.
 */
@Component
public class InboxReader {
  /** The list holds the open conversations and those of the last 30 days; a search reaches every one. */
  static final Duration RECENT = Duration.ofDays(30);
  static final int MAX_CONVERSATIONS = 300;
  private static final String FROM = """
      from conversation c
      left join lateral (select direction, body, created_at from conversation_message m
                         where m.conversation_id = c.id order by m.id desc limit 1) last on true
      left join lateral (select message_variables->>'firstName' as first_name, message_variables->>'lastName' as last_name,
                                message_variables->>'formMessage' as form_message, received_at
                         from inbound_event e where e.kind = 'form-submission' and e.correlation_key = c.lead_key
                         order by e.id desc limit 1) f on true
      left join lateral (select min(m.created_at) as since from conversation_message m
                         where m.conversation_id = c.id and m.direction = 'IN'
                           and m.id > coalesce((select max(a.id) from conversation_message a
                                                where a.conversation_id = c.id and a.kind = 'agent-reply'), 0)) w on true
      left join opt_out o on o.business_id = c.business_id and o.phone = c.phone
      """;
  private static final String COLUMNS = """
      select c.id, c.lead_key, c.phone, c.channel, c.state, c.outcome, c.paused, c.review, c.opened_at, c.closed_at,
             c.repeat_calls, c.journey_key, last.direction, last.body, last.created_at as last_at, f.first_name,
             f.last_name, f.form_message, w.since as waiting_since, o.opted_out_at
      """;
  private final JdbcClient jdbc;
  private final CrmRecords crmRecords;
  private final ConsentEvidence consent;
  private final Clock clock;

  public InboxReader(JdbcClient jdbc, CrmRecords crmRecords, ConsentEvidence consent, Clock clock) {
    this.jdbc = jdbc;
    this.crmRecords = crmRecords;
    this.consent = consent;
    this.clock = clock;
  }

  /**
   * The business's conversations, matched by {@code search} (digits of the number, or words of the
   * name a form gave) when it is not blank: waiting (longest wait first), then open, then closed.
   */
  public Inbox list(Business business, String search) {
    String q = search == null ? "" : search.trim();
    String digits = q.replaceAll("[^0-9]", "");
    boolean byNumber = !digits.isEmpty() && q.replaceAll("[0-9()+\\-. ]", "").isEmpty();
    String where = q.isEmpty() ? " where c.business_id = :b and (c.state = 'OPEN' or c.opened_at > :recent)"
        : byNumber ? " where c.business_id = :b and c.phone like :digits"
        : " where c.business_id = :b and (coalesce(f.first_name, '') || ' ' || coalesce(f.last_name, '')) ilike :name";
    var sql = jdbc.sql(COLUMNS + FROM + where + " order by c.opened_at desc limit " + MAX_CONVERSATIONS)
        .param("b", business.id());
    if (q.isEmpty()) {
      sql = sql.param("recent", Timestamp.from(clock.instant().minus(RECENT)));
    } else if (byNumber) {
      sql = sql.param("digits", "%" + digits + "%");
    } else {
      sql = sql.param("name", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    Instant now = clock.instant();
    long sla = business.timers().responseSla().toSeconds();
    List<InboxItem> items = sql.query((rs, i) -> item(rs, now, sla)).list();
    List<InboxItem> waiting = items.stream().filter(InboxItem::isWaiting)
        .sorted(Comparator.comparing(InboxItem::waitingSince)).toList();
    List<InboxItem> open = items.stream().filter(it -> it.status().equals(InboxItem.OPEN))
        .sorted(Comparator.comparing(InboxItem::lastAt).reversed()).toList();
    List<InboxItem> closed = items.stream().filter(it -> it.status().equals(InboxItem.CLOSED)).toList();
    return new Inbox(business.id(), business.name(), sla, waiting, open, closed);
  }

  /** One conversation of this business with everything that happened in it, oldest first; empty when it is another's. */
  public Optional<InboxThread> thread(Business business, long conversationId) {
    Instant now = clock.instant();
    long sla = business.timers().responseSla().toSeconds();
    Optional<Row> found = jdbc.sql(COLUMNS + FROM + " where c.business_id = :b and c.id = :id")
        .param("b", business.id()).param("id", conversationId)
        .query((rs, i) -> new Row(item(rs, now, sla), rs.getString("journey_key"), rs.getString("form_message"),
            instant(rs, "opted_out_at")))
        .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Row row = found.get();
    InboxItem c = row.item();
    List<InboxThread.Entry> entries = new ArrayList<>();
    journeyStart(row).ifPresent(entries::add);
    entries.addAll(texts(conversationId));
    entries.addAll(callsAgain(conversationId));
    entries.addAll(voicemails(row.journeyKey(), conversationId));
    entries.addAll(escalations(conversationId));
    entries.addAll(facts(row.journeyKey()));
    entries.sort(Comparator.comparing(InboxThread.Entry::at));
    String cannotReply = row.optedOutAt() != null ? "the lead opted out on " + row.optedOutAt() + "; no more texts"
        : !c.status().equals(InboxItem.CLOSED) ? null
        : "the conversation is closed (" + (c.outcome() == null ? "ended" : c.outcome()) + ")";
    return Optional.of(new InboxThread(c, cannotReply == null, cannotReply, entries,
        crmRecords.of(business, c.phone(), row.journeyKey()),
        consent.of(business.id(), Set.of(c.phone())).getOrDefault(c.phone(), List.of())));
  }

  /** Who a conversation's lead is and what they last wrote, for the texts that tell staff about them. */
  public record Lead(String firstName, String lastName, String lastText) {}

  public Lead lead(long conversationId) {
    return jdbc.sql("""
            select f.first_name, f.last_name,
                   (select body from conversation_message m where m.conversation_id = c.id and m.direction = 'IN'
                    order by m.id desc limit 1) as last_in
            """ + FROM + " where c.id = :id")
        .param("id", conversationId)
        .query((rs, i) -> new Lead(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional().orElse(new Lead(null, null, null));
  }

  private record Row(InboxItem item, String journeyKey, String formMessage, Instant optedOutAt) {}

  private Optional<InboxThread.Entry> journeyStart(Row row) {
    if (row.journeyKey() == null) {
      return Optional.empty();
    }
    return jdbc.sql("select channel, started_at, in_business_hours from journey where journey_key = :k")
        .param("k", row.journeyKey())
        .query((rs, i) -> rs.getString(1).equals("form")
            ? InboxThread.Entry.of(instant(rs, "started_at"), "form", "IN",
                "Web form: " + (row.formMessage() == null ? "(no message)" : row.formMessage()))
            : InboxThread.Entry.of(instant(rs, "started_at"), "call", "IN",
                "Missed call" + (rs.getBoolean(3) ? "" : ", after hours")))
        .optional();
  }

  private List<InboxThread.Entry> texts(long conversationId) {
    return jdbc.sql("""
            select m.created_at, m.direction, m.body, m.kind, o.delivery_status, o.delivery_error_code, o.status
            from conversation_message m left join sms_outbox o on o.message_sid = m.provider_sid
            where m.conversation_id = :c order by m.id""")
        .param("c", conversationId)
        .query((rs, i) -> {
          Integer code = (Integer) rs.getObject("delivery_error_code");
          String delivery = "OUT".equals(rs.getString("direction"))
              ? Optional.ofNullable(rs.getString("delivery_status")).orElse("sent") : null;
          return new InboxThread.Entry(instant(rs, "created_at"), rs.getString("kind").equals("form") ? "form" : "text",
              rs.getString("direction"), rs.getString("body"), rs.getString("kind"), delivery,
              code == null ? null : "error " + code + DeliveryErrors.explain(code).map(w -> ": " + w).orElse(""), null);
        })
        .list();
  }

  private List<InboxThread.Entry> callsAgain(long conversationId) {
    return jdbc.sql("select called_at, reason from conversation_call where conversation_id = :c")
        .param("c", conversationId)
        .query((rs, i) -> InboxThread.Entry.of(instant(rs, "called_at"), "call-again", "IN",
            "Called again" + (rs.getString(2) == null ? "" : " (" + rs.getString(2) + ")") + ": no second text-back"))
        .list();
  }

  private List<InboxThread.Entry> voicemails(String journeyKey, long conversationId) {
    return jdbc.sql("""
            select received_at, message_variables->>'recordingUrl' as url, message_variables->>'recordingSeconds' as seconds
            from inbound_event where kind = 'voicemail-left'
              and (correlation_key = :journey or correlation_key in (select call_sid from conversation_call where conversation_id = :c))""")
        .param("journey", journeyKey == null ? "" : journeyKey).param("c", conversationId)
        .query((rs, i) -> {
          String url = rs.getString("url");
          // the URL came in a signed Twilio callback; only Twilio's own https address is linked
          String link = url != null && url.startsWith("https://api.twilio.com/") ? url : null;
          return new InboxThread.Entry(instant(rs, "received_at"), "voicemail", "IN",
              "Voicemail, " + Optional.ofNullable(rs.getString("seconds")).orElse("?") + " s", null, null, null, link);
        })
        .list();
  }

  private List<InboxThread.Entry> escalations(long conversationId) {
    return jdbc.sql("select created_at, level, notified_phone from escalation where conversation_id = :c")
        .param("c", conversationId)
        .query((rs, i) -> InboxThread.Entry.of(instant(rs, "created_at"), "escalation", null,
            "Escalated (level " + rs.getInt(2) + ") to " + (rs.getString(3) == null ? "nobody: no dispatcher-phone is set"
                : io.textback.worker.phone.PhoneNumbers.mask(rs.getString(3)))))
        .list();
  }

  /** The journey's outcomes that are not texts: not texted and why, reached by phone, booked, opted out. */
  private List<InboxThread.Entry> facts(String journeyKey) {
    if (journeyKey == null) {
      return List.of();
    }
    return jdbc.sql("""
            select kind, reason, at from journey_event where journey_key = :k
              and kind in ('not_texted', 'reached', 'booked', 'opted_out')""")
        .param("k", journeyKey)
        .query((rs, i) -> InboxThread.Entry.of(instant(rs, "at"), "event", null, switch (rs.getString(1)) {
          case "not_texted" -> "Not texted: " + rs.getString(2);
          case "reached" -> "Reached by phone";
          case "booked" -> "Booked";
          default -> "Opted out";
        }))
        .list();
  }

  private static InboxItem item(ResultSet rs, Instant now, long slaSeconds) throws SQLException {
    boolean open = "OPEN".equals(rs.getString("state"));
    Instant waitingSince = open ? instant(rs, "waiting_since") : null;
    String status = !open ? InboxItem.CLOSED : waitingSince != null ? InboxItem.WAITING : InboxItem.OPEN;
    Long waited = waitingSince == null ? null : Math.max(0, Duration.between(waitingSince, now).toSeconds());
    String name = String.join(" ", Optional.ofNullable(rs.getString("first_name")).orElse(""),
        Optional.ofNullable(rs.getString("last_name")).orElse("")).trim();
    Instant lastAt = Optional.ofNullable(instant(rs, "last_at")).orElse(instant(rs, "opened_at"));
    return new InboxItem(rs.getLong("id"), rs.getString("lead_key"), rs.getString("phone"), name.isEmpty() ? null : name,
        rs.getString("channel"), status, rs.getString("outcome"), rs.getBoolean("paused"), rs.getString("review"),
        instant(rs, "opened_at"), instant(rs, "closed_at"), lastAt, rs.getString("direction"), rs.getString("body"),
        waitingSince, waited, slaSeconds, waited != null && waited > slaSeconds, rs.getInt("repeat_calls"),
        rs.getTimestamp("opted_out_at") != null);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
