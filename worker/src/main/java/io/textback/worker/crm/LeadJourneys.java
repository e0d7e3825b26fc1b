package io.textback.worker.crm;

import io.textback.worker.crm.LeadJourney.Step;
import io.textback.worker.report.JourneyFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A CRM contact's latest textback journey (the lead a CRM ledger found it for), read from the conversation and the journey facts. */
@Component
public class LeadJourneys {
  private final JdbcClient jdbc;
  private final io.textback.worker.conversation.ConversationStore conversations;

  public LeadJourneys(JdbcClient jdbc, io.textback.worker.conversation.ConversationStore conversations) {
    this.jdbc = jdbc;
    this.conversations = conversations;
  }

  /** The business and phone textback created (or found) a CRM contact for. */
  public record Lead(String businessId, String phone) {}

  public Optional<LeadJourney> journey(String contactId, Lead lead) {
    record Row(String key, String channel, Instant startedAt) {}
    Optional<Row> journey = jdbc.sql("""
            select journey_key, channel, started_at from journey where business_id = :b and phone = :p
            order by started_at desc limit 1""")
        .param("b", lead.businessId()).param("p", lead.phone())
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
    if (journey.isEmpty()) {
      return Optional.empty();
    }
    Row j = journey.get();
    List<Step> timeline = new ArrayList<>();
    timeline.add(new Step(j.channel().equals("form") ? "form_submitted" : "call_missed", null, j.startedAt()));
    Long[] response = {null};
    jdbc.sql("select kind, reason, at from journey_event where journey_key = :k order by at, id").param("k", j.key())
        .query(rs -> {
          String kind = rs.getString(1);
          Instant at = rs.getTimestamp(3).toInstant();
          String detail = switch (kind) {
            case JourneyFacts.REPLY -> {
              String after = JourneyFacts.replyAfter(rs.getString(2));
              yield after.equals("text-back") ? "to the text-back" : "after " + after;
            }
            case JourneyFacts.HUMAN_REPLY -> {
              response[0] = Duration.between(j.startedAt(), at).toSeconds();
              yield "answered " + minutes(response[0]) + " after the " + (j.channel().equals("form") ? "form" : "call");
            }
            case JourneyFacts.ESCALATED -> "the SLA passed without an answer";
            default -> rs.getString(2);
          };
          timeline.add(new Step(kind, detail, at));
        });
    record Conv(String state, String outcome, boolean paused) {}
    Optional<Conv> conversation = jdbc.sql("select state, outcome, paused from conversation where journey_key = :k order by id desc limit 1")
        .param("k", j.key()).query((rs, i) -> new Conv(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    boolean paused = conversation.map(c -> c.paused() && "OPEN".equals(c.state())).orElse(false);
    String state = conversation.map(c -> "OPEN".equals(c.state())
            ? (c.paused() ? "paused" : "in_conversation")
            : c.outcome() == null ? "closed" : c.outcome().toLowerCase().replace(' ', '_'))
        .orElseGet(() -> timeline.stream().map(Step::kind).filter(k -> k.equals(JourneyFacts.VOICEMAIL)
            || k.equals(JourneyFacts.REACHED) || k.equals(JourneyFacts.NOT_TEXTED)).findFirst()
            .map(k -> k.equals(JourneyFacts.REACHED) ? "reached_by_phone" : k).orElse("in_progress"));
    return Optional.of(new LeadJourney(contactId, lead.businessId(), j.channel(), j.startedAt(), state, paused,
        response[0], timeline));
  }

  /** Pauses or resumes the lead's open conversation; false when there is none. */
  public boolean setPaused(Lead lead, boolean paused) {
    return conversations.setPaused(lead.businessId(), lead.phone(), paused);
  }

  private static String minutes(long seconds) {
    return seconds < 60 ? seconds + " s" : String.format(java.util.Locale.ROOT, "%.1f min", seconds / 60.0);
  }
}
