package io.textback.worker.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts the journey steps record (missed call, texted, reply, first human reply, booked, ...),
 * the only source of the reports, and the per-business Prometheus metrics. Each kind is recorded
 * once per journey: a retried job or a duplicate webhook changes nothing. Facts carry the worker's
 * clock (wall time), whether a job or a webhook records them, so response times compare like with
 * like even where the engine's clock is moved (tests, local mode).
 */
@Component
public class JourneyFacts {
  public static final String TEXTED = "texted";
  public static final String NOT_TEXTED = "not_texted";
  public static final String VOICEMAIL = "voicemail";
  public static final String REACHED = "reached";
  public static final String REPLY = "reply";
  public static final String HUMAN_REPLY = "human_reply";
  public static final String ESCALATED = "escalated";
  public static final String BOOKED = "booked";
  public static final String OPTED_OUT = "opted_out";

  private final JdbcClient jdbc;
  private final MeterRegistry meters;

  public JourneyFacts(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  /** A missed call or a web form arrived: the journey the other facts belong to. */
  public void started(String journeyKey, String businessId, String channel, String phone, Instant at,
      boolean inBusinessHours, String variant) {
    int inserted = jdbc.sql("""
            insert into journey (journey_key, business_id, channel, phone, started_at, in_business_hours, variant)
            values (:k, :b, :c, :p, :at, :h, :v) on conflict (journey_key) do nothing""")
        .param("k", journeyKey).param("b", businessId).param("c", channel).param("p", phone)
        .param("at", Timestamp.from(at)).param("h", inBusinessHours).param("v", variant).update();
    if (inserted == 1) {
      meters.counter("textback.journeys", "business", businessId, "channel", channel).increment();
    }
  }

  /**
   * The screening step's facts: the journey, and why it is not texted when it is not (the
   * {@code notTextedReason}, null when textable).
   */
  public void screened(String journeyKey, String businessId, String channel, String phone, Instant at,
      boolean inBusinessHours, String variant, String notTextedReason) {
    started(journeyKey, businessId, channel, phone, at, inBusinessHours, variant);
    if (notTextedReason != null) {
      record(journeyKey, NOT_TEXTED, notTextedReason, at);
    }
  }

  /** Which text a reply answered, from the reply fact's reason (the follow-ups sent before it). */
  public static String replyAfter(String reason) {
    return switch (String.valueOf(reason)) {
      case "1" -> "follow-up 1";
      case "2" -> "follow-up 2";
      default -> "text-back";
    };
  }

  /** Records a fact once; false when this journey already has one of this kind (or is unknown). */
  public boolean record(String journeyKey, String kind, String reason, Instant at) {
    if (journeyKey == null) {
      return false;
    }
    // one round trip: the row comes back only when the journey exists and the fact is new
    Optional<Journey> inserted = jdbc.sql("""
            with j as (select journey_key, business_id, channel, started_at, in_business_hours
                       from journey where journey_key = :k),
                 added as (insert into journey_event (journey_key, kind, reason, at)
                           select journey_key, cast(:kind as text), cast(:r as text), cast(:at as timestamptz) from j
                           on conflict (journey_key, kind) do nothing returning journey_key)
            select j.business_id, j.channel, j.started_at, j.in_business_hours from j join added using (journey_key)""")
        .param("k", journeyKey).param("kind", kind).param("r", reason).param("at", Timestamp.from(at))
        .query(JourneyFacts::journey).optional();
    inserted.ifPresent(journey -> count(journey, kind, at));
    return inserted.isPresent();
  }

  /** A fact about the journey that opened this conversation. */
  public boolean recordForConversation(long conversationId, String kind, String reason, Instant at) {
    return jdbc.sql("select journey_key from conversation where id = :id").param("id", conversationId)
        .query(String.class).optional()
        .map(key -> record(key, kind, reason, at)).orElse(false);
  }

  /** The conversation this journey opened: later facts (replies, booking) are found through it. */
  public void linkConversation(String journeyKey, long conversationId) {
    jdbc.sql("update conversation set journey_key = coalesce(journey_key, :k) where id = :id")
        .param("k", journeyKey).param("id", conversationId).update();
  }

  private void count(Journey journey, String kind, Instant at) {
    meters.counter("textback.journey.facts", "business", journey.businessId(), "channel", journey.channel(),
        "kind", kind).increment();
    if (HUMAN_REPLY.equals(kind)) {
      Timer.builder("textback.response.time")
          .description("Missed call or web form to the first human reply")
          .tag("business", journey.businessId())
          .tag("business_hours", Boolean.toString(journey.inBusinessHours()))
          // Buckets, not client-side quantiles: Micrometer's quantiles cover only the last minutes and read
          // 0 once no answer came in that window, while the report's median covers its whole period.
          // Prometheus's histogram_quantile over the same range agrees with the report to a bucket.
          .serviceLevelObjectives(RESPONSE_BUCKETS)
          .register(meters)
          .record(Duration.between(journey.startedAt(), at).abs());
    }
  }

  /** The response-time histogram's upper bounds: the 5-minute SLA among them, up to the conversation's week. */
  static final Duration[] RESPONSE_BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
      Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
      Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7)};

  private static Journey journey(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Journey(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4));
  }

  private record Journey(String businessId, String channel, Instant startedAt, boolean inBusinessHours) {}
}
