package io.textback.worker.report;

import io.textback.worker.report.Funnel.ResponseTime;
import io.textback.worker.report.FunnelReport.Experiment;
import io.textback.worker.report.FunnelReport.Experiment.Arm;
import io.textback.worker.report.FunnelReport.HealthFlag;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds the funnel, weekly and journey views from the journey facts. */
@Component
public class FunnelReports {
  static final double RECOVERY_FLOOR = 0.15;
  static final double BOOKING_FLOOR = 0.25;
  static final Duration RESPONSE_CEILING = Duration.ofMinutes(5);
  static final double SIGNIFICANCE = 0.05;
  /** Fewer than these and a rate says nothing yet: one reply without a booking is not a 0% booking rate. */
  static final int MIN_TEXTED = 10;
  static final int MIN_REPLIES = 10;
  static final int MIN_ANSWERED = 5;

  private final JdbcClient jdbc;
  private final io.textback.worker.crm.CrmRecords crmRecords;
  private final io.textback.worker.conversation.ConversationStore conversations;
  private final io.textback.worker.consent.ConsentEvidence consent;

  public FunnelReports(JdbcClient jdbc, io.textback.worker.crm.CrmRecords crmRecords,
      io.textback.worker.conversation.ConversationStore conversations, io.textback.worker.consent.ConsentEvidence consent) {
    this.conversations = conversations;
    this.consent = consent;
    this.jdbc = jdbc;
    this.crmRecords = crmRecords;
  }

  /** The period is whole days in the business's time zone, {@code to} included. */
  public FunnelReport funnel(String businessId, ZoneId zone, LocalDate from, LocalDate to) {
    List<JourneyRow> rows = journeys(businessId, from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(), Integer.MAX_VALUE);
    Funnel calls = funnel(rows, r -> r.channel().equals("call"));
    Funnel forms = funnel(rows, r -> r.channel().equals("form"));
    Funnel all = funnel(rows, r -> true);
    return new FunnelReport(businessId, from, to, zone.getId(), calls, forms, all, health(all), healthNote(all),
        experiment(rows));
  }

  /** Week by week (weeks start on Monday in the business's zone), the last {@code weeks} up to {@code to}. */
  public List<Week> weekly(String businessId, ZoneId zone, LocalDate to, int weeks) {
    LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = lastMonday.minusWeeks(weeks - 1L);
    List<JourneyRow> rows = journeys(businessId, first.atStartOfDay(zone).toInstant(),
        lastMonday.plusWeeks(1).atStartOfDay(zone).toInstant(), Integer.MAX_VALUE);
    List<Week> out = new ArrayList<>();
    for (int i = 0; i < weeks; i++) {
      LocalDate monday = first.plusWeeks(i);
      Instant start = monday.atStartOfDay(zone).toInstant();
      Instant end = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
      Funnel f = funnel(rows, r -> !r.startedAt().isBefore(start) && r.startedAt().isBefore(end));
      out.add(new Week(monday, f.leads(), f.texted(), f.replies(), f.booked(), f.recoveryRate(), f.bookingRate(),
          f.responseTime().medianSeconds()));
    }
    return out;
  }

  /** The most recent journeys with their facts and the records they left in the business's CRM, newest first. */
  public List<JourneyView> recent(io.textback.worker.business.Business business, int limit) {
    List<JourneyRow> rows = journeys(business.id(), Instant.EPOCH, Instant.now().plus(Duration.ofDays(3650)), limit);
    // one query each for every row's review and consent, not one per row
    java.util.Set<String> phones = rows.stream().map(JourneyRow::phone).filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toSet());
    Map<String, String> reviews = conversations.reviewsOf(business.id(), phones);
    Map<String, List<io.textback.worker.consent.ConsentRecord>> consents = consent.of(business.id(), phones);
    Map<String, Long> conversationIds = new java.util.HashMap<>();
    if (!rows.isEmpty()) {
      jdbc.sql("select journey_key, max(id) from conversation where journey_key in (:k) group by journey_key")
          .param("k", rows.stream().map(JourneyRow::key).toList())
          .query((rs, i) -> conversationIds.put(rs.getString(1), rs.getLong(2))).list();
    }
    return rows.stream()
        .sorted(Comparator.comparing(JourneyRow::startedAt).reversed())
        .map(r -> new JourneyView(r.key(), r.channel(), mask(r.phone()), r.startedAt(), r.variant(),
            r.conversationState(), r.events().values().stream().sorted(Comparator.comparing(Event::at)).toList(),
            business.crm(), crmRecords.of(business, r.phone(), r.key()),
            r.phone() == null || !reviews.containsKey(r.phone()) ? null
                : new Review(reviews.get(r.phone()), business.leadKey(r.phone())),
            r.phone() == null ? List.of() : consents.getOrDefault(r.phone(), List.of()), r.repeatCalls(),
            conversationIds.get(r.key())))
        .toList();
  }

  public record Week(LocalDate weekStarting, long leads, long texted, long replies, long booked, Double recoveryRate,
      Double bookingRate, Double medianResponseSeconds) {}

  /**
   * @param crm the business's CRM (a CrmKind id, or none); {@code crmRecords} what the journey left there
   * @param review why the lead's open conversation waits for a person (a text that may revoke consent), or null
   * @param consent what gave consent to text the lead, and when, oldest first
   * @param repeatCalls the calls the lead made again while the conversation was open (no second text-back)
   * @param conversationId the conversation the journey opened (its thread in the inbox), or null
   */
  public record JourneyView(String journeyKey, String channel, String phone, Instant startedAt, String variant,
      String conversation, List<Event> events, String crm, List<io.textback.worker.crm.CrmRecordView> crmRecords,
      Review review, List<io.textback.worker.consent.ConsentRecord> consent, int repeatCalls, Long conversationId) {}

  /** A text that may have revoked consent waits for a person: decide with POST /api/conversations/{leadKey}/review/... */
  public record Review(String why, String leadKey) {}

  public record Event(String kind, String reason, Instant at) {}

  record JourneyRow(String key, String channel, String phone, Instant startedAt, boolean inBusinessHours,
      String variant, String conversationState, int repeatCalls, Map<String, Event> events) {
    boolean has(String kind) {
      return events.containsKey(kind);
    }
  }

  static Funnel funnel(List<JourneyRow> rows, Predicate<JourneyRow> which) {
    List<JourneyRow> in = rows.stream().filter(which).toList();
    Map<String, Long> notTexted = new TreeMap<>();
    Map<String, Long> repliesAfter = new LinkedHashMap<>();
    List<Long> response = new ArrayList<>();
    List<Long> responseInHours = new ArrayList<>();
    long texted = 0, voicemails = 0, reached = 0, replies = 0, booked = 0, escalated = 0, optOuts = 0, repeatCalls = 0;
    for (JourneyRow r : in) {
      repeatCalls += r.repeatCalls();
      texted += r.has(JourneyFacts.TEXTED) ? 1 : 0;
      voicemails += r.has(JourneyFacts.VOICEMAIL) ? 1 : 0;
      reached += r.has(JourneyFacts.REACHED) ? 1 : 0;
      booked += r.has(JourneyFacts.BOOKED) ? 1 : 0;
      escalated += r.has(JourneyFacts.ESCALATED) ? 1 : 0;
      optOuts += r.has(JourneyFacts.OPTED_OUT) ? 1 : 0;
      if (r.has(JourneyFacts.NOT_TEXTED)) {
        notTexted.merge(String.valueOf(r.events().get(JourneyFacts.NOT_TEXTED).reason()), 1L, Long::sum);
      }
      if (r.has(JourneyFacts.REPLY)) {
        replies++;
        repliesAfter.merge(JourneyFacts.replyAfter(r.events().get(JourneyFacts.REPLY).reason()), 1L, Long::sum);
      }
      if (r.has(JourneyFacts.HUMAN_REPLY)) {
        long seconds = Math.max(0, Duration.between(r.startedAt(), r.events().get(JourneyFacts.HUMAN_REPLY).at()).toSeconds());
        response.add(seconds);
        if (r.inBusinessHours()) {
          responseInHours.add(seconds);
        }
      }
    }
    response.sort(null);
    responseInHours.sort(null);
    ResponseTime time = new ResponseTime(response.size(), Stats.percentile(response, 0.5), Stats.percentile(response, 0.9),
        responseInHours.size(), Stats.percentile(responseInHours, 0.5), Stats.percentile(responseInHours, 0.9));
    return new Funnel(in.size(), texted, notTexted, voicemails, reached, replies, repliesAfter,
        Stats.rate(replies, in.size()), booked, Stats.rate(booked, replies), escalated, optOuts, time, repeatCalls);
  }

  static List<HealthFlag> health(Funnel f) {
    List<HealthFlag> flags = new ArrayList<>();
    if (f.recoveryRate() != null && f.texted() >= MIN_TEXTED && f.recoveryRate() < RECOVERY_FLOOR) {
      flags.add(new HealthFlag("recovery_low", "Recovery rate %s is below 15%%: the text-back copy needs work."
          .formatted(percent(f.recoveryRate()))));
    }
    if (f.bookingRate() != null && f.replies() >= MIN_REPLIES && f.bookingRate() < BOOKING_FLOOR) {
      flags.add(new HealthFlag("booking_low", "Booking rate %s is below 25%%: the conversation needs work."
          .formatted(percent(f.bookingRate()))));
    }
    Double median = f.responseTime().businessHoursMedianSeconds();
    if (median != null && f.responseTime().answeredInBusinessHours() >= MIN_ANSWERED && median > RESPONSE_CEILING.toSeconds()) {
      flags.add(new HealthFlag("response_slow", "Median response in business hours is %.1f min (over 5): someone must watch the inbox."
          .formatted(median / 60)));
    }
    return flags;
  }

  /** Which of the three numbers have too few leads behind them to be judged yet, and how many they need; null when none. */
  static String healthNote(Funnel f) {
    List<String> short_ = new ArrayList<>();
    if (f.texted() < MIN_TEXTED) {
      short_.add("recovery rate: %d of %d texted leads".formatted(f.texted(), MIN_TEXTED));
    }
    if (f.replies() < MIN_REPLIES) {
      short_.add("booking rate: %d of %d replies".formatted(f.replies(), MIN_REPLIES));
    }
    if (f.responseTime().answeredInBusinessHours() < MIN_ANSWERED) {
      short_.add("response time: %d of %d answers in business hours".formatted(f.responseTime().answeredInBusinessHours(),
          MIN_ANSWERED));
    }
    return short_.isEmpty() ? null : "Not judged yet, too few leads in this period (" + String.join("; ", short_) + ").";
  }

  /** Reply rate of texted leads per text-back variant; null when no journey in the period had one. */
  static Experiment experiment(List<JourneyRow> rows) {
    Map<String, long[]> counts = new TreeMap<>();
    for (JourneyRow r : rows) {
      if (r.variant() != null && r.has(JourneyFacts.TEXTED)) {
        long[] c = counts.computeIfAbsent(r.variant(), v -> new long[2]);
        c[0]++;
        c[1] += r.has(JourneyFacts.REPLY) ? 1 : 0;
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    Map<String, Arm> arms = new LinkedHashMap<>();
    counts.forEach((variant, c) -> {
      double[] ci = Stats.wilson(c[1], c[0]);
      arms.put(variant, new Arm(c[0], c[1], Stats.rate(c[1], c[0]), ci[0], ci[1]));
    });
    long[] a = counts.getOrDefault("A", new long[2]);
    long[] b = counts.getOrDefault("B", new long[2]);
    double p = Stats.twoProportionPValue(a[1], a[0], b[1], b[0]);
    String leader = (double) b[1] / Math.max(1, b[0]) > (double) a[1] / Math.max(1, a[0]) ? "B" : "A";
    String other = leader.equals("A") ? "B" : "A";
    String verdict = p < SIGNIFICANCE
        ? "%s is ahead: reply rate %s against %s (p = %.3f)".formatted(leader,
            percent(Stats.rate(counts.get(leader)[1], counts.get(leader)[0])), percent(Stats.rate(
                counts.getOrDefault(other, new long[2])[1], counts.getOrDefault(other, new long[2])[0])), p)
        : "No significant difference yet (p = %.2f): keep the experiment running".formatted(p);
    return new Experiment(arms, p, p < SIGNIFICANCE ? leader : null, verdict);
  }

  private List<JourneyRow> journeys(String businessId, Instant from, Instant to, int limit) {
    Map<String, JourneyRow> rows = new LinkedHashMap<>();
    jdbc.sql("""
            with j as (
              select * from journey where business_id = :b and started_at >= :from and started_at < :to
              order by started_at desc limit :limit)
            select j.journey_key, j.channel, j.phone, j.started_at, j.in_business_hours, j.variant,
                   (select c.state from conversation c where c.journey_key = j.journey_key order by c.id desc limit 1) as conversation_state,
                   (select c.repeat_calls from conversation c where c.journey_key = j.journey_key order by c.id desc limit 1) as repeat_calls,
                   e.kind, e.reason, e.at
            from j left join journey_event e on e.journey_key = j.journey_key
            order by j.started_at, e.at""")
        .param("b", businessId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
        .query(rs -> {
          JourneyRow row = rows.computeIfAbsent(rs.getString("journey_key"), key -> {
            try {
              return new JourneyRow(key, rs.getString("channel"), rs.getString("phone"),
                  rs.getTimestamp("started_at").toInstant(), rs.getBoolean("in_business_hours"), rs.getString("variant"),
                  rs.getString("conversation_state"), rs.getInt("repeat_calls"), new LinkedHashMap<>());
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
          String kind = rs.getString("kind");
          if (kind != null) {
            row.events().put(kind, new Event(kind, rs.getString("reason"), rs.getTimestamp("at").toInstant()));
          }
        });
    return new ArrayList<>(rows.values());
  }

  private static String percent(Double rate) {
    return rate == null ? "n/a" : "%.1f%%".formatted(rate * 100);
  }

  private static String mask(String phone) {
    return io.textback.worker.phone.PhoneNumbers.mask(phone);
  }
}
