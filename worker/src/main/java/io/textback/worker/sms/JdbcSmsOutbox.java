package io.textback.worker.sms;

import io.textback.connector.twilio.sms.SmsOutbox;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import io.textback.connector.twilio.sms.model.SmsSendResult.Outcome;
import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The sms_outbox table. The claim is one row lock, so it holds across worker replicas. */
@Repository
public class JdbcSmsOutbox implements SmsOutbox {
  private final JdbcClient jdbc;

  public JdbcSmsOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public Claim claim(SmsSendRequest request, Duration lease) {
    jdbc.sql("""
            insert into sms_outbox (idempotency_key, business_id, to_phone, from_phone, body)
            values (:key, :business, :to, :from, :body)
            on conflict (idempotency_key) do nothing""")
        .param("key", request.idempotencyKey()).param("business", request.businessId())
        .param("to", request.to()).param("from", request.from()).param("body", request.body())
        .update();
    Row row = jdbc.sql("""
            select status, attempts, first_attempt_at, lease_until, lease_until > now() as leased,
                   message_sid, provider_status, reason, error_code, to_phone = :to and body = :body as same_text
            from sms_outbox where idempotency_key = :key for update""")
        .param("key", request.idempotencyKey()).param("to", request.to()).param("body", request.body())
        .query((rs, i) -> new Row(rs.getString("status"), rs.getInt("attempts"),
            rs.getTimestamp("first_attempt_at"), rs.getTimestamp("lease_until"), rs.getBoolean("leased"),
            rs.getString("message_sid"), rs.getString("provider_status"), rs.getString("reason"),
            (Integer) rs.getObject("error_code"), rs.getBoolean("same_text")))
        .single();
    if (!row.sameText) {
      return new Reused();
    }
    if (!"PENDING".equals(row.status)) {
      return new Done(new SmsSendResult(Outcome.valueOf(row.status), row.messageSid, row.providerStatus,
          row.reason, row.errorCode));
    }
    if (row.leased) {
      return new Busy(row.leaseUntil.toInstant());
    }
    Timestamp first = jdbc.sql("""
            update sms_outbox set attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()),
                   lease_until = now() + make_interval(secs => :lease), updated_at = now()
            where idempotency_key = :key returning first_attempt_at""")
        .param("lease", lease.toMillis() / 1000.0).param("key", request.idempotencyKey())
        .query(Timestamp.class).single();
    return new Granted(row.attempts + 1, first.toInstant());
  }

  @Override
  public void complete(String key, SmsSendResult result) {
    jdbc.sql("""
            update sms_outbox set status = :status, message_sid = :sid, provider_status = :providerStatus,
                   reason = :reason, error_code = :code, lease_until = null, updated_at = now(),
                   held_at = case when :status = 'HELD' then now() else held_at end
            where idempotency_key = :key""")
        .param("status", result.outcome().name()).param("sid", result.messageSid())
        .param("providerStatus", result.status()).param("reason", result.reason())
        .param("code", result.errorCode()).param("key", key)
        .update();
  }

  /** Whether the business ever texted this number (a sent text other than this key). */
  public boolean hasTexted(String businessId, String to, String exceptKey) {
    return jdbc.sql("""
            select exists (select 1 from sms_outbox where business_id = :business and to_phone = :to
                           and status = 'SENT' and idempotency_key <> :key)""")
        .param("business", businessId).param("to", to).param("key", exceptKey).query(Boolean.class).single();
  }

  /** Whether an admin released this text, or the caps counted it already (a retried send). */
  public boolean wasReleasedOrCounted(String key) {
    return jdbc.sql("select released_at is not null or first_text from sms_outbox where idempotency_key = :key")
        .param("key", key).query(Boolean.class).optional().orElse(false);
  }

  /**
   * Counts this text as a first text of its business if fewer than {@code perBusiness} (and, with
   * the same number range, {@code perRange}) were counted in the last hour; the business's rows are
   * locked meanwhile, so two workers cannot both take the last place.
   *
   * @return empty when counted (it may go), else which cap it is over
   */
  @Transactional
  public java.util.Optional<String> countFirstText(String key, String businessId, String rangePrefix, int perBusiness,
      int perRange) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('first-texts:' || :business))").param("business", businessId)
        .query(Object.class).single();
    record Counts(long business, long range) {}
    Counts counts = jdbc.sql("""
            select count(*) as business, count(*) filter (where starts_with(to_phone, :prefix)) as range
            from sms_outbox where business_id = :business and first_text and status in ('PENDING', 'SENT')
              and created_at > now() - interval '1 hour' and idempotency_key <> :key""")
        .param("business", businessId).param("prefix", rangePrefix).param("key", key)
        .query((rs, i) -> new Counts(rs.getLong("business"), rs.getLong("range"))).single();
    if (counts.business() >= perBusiness) {
      return java.util.Optional.of("business_hourly_cap");
    }
    if (counts.range() >= perRange) {
      return java.util.Optional.of("number_range_hourly_cap");
    }
    jdbc.sql("update sms_outbox set first_text = true where idempotency_key = :key").param("key", key).update();
    return java.util.Optional.empty();
  }

  /** The texts held for an admin, of these businesses, oldest first. */
  public java.util.List<HeldText> held(java.util.Collection<String> businessIds) {
    if (businessIds.isEmpty()) {
      return java.util.List.of();
    }
    return jdbc.sql("""
            select idempotency_key, business_id, to_phone, body, reason, held_at from sms_outbox
            where status = 'HELD' and business_id in (:businesses) order by held_at, idempotency_key""")
        .param("businesses", businessIds)
        .query(HELD_TEXT)
        .list();
  }

  /**
   * An admin's decision on a held text: released, it may be sent (the journey sends it again);
   * discarded, it is refused for good. Empty when the text is not (or no longer) held.
   */
  public java.util.Optional<HeldText> decide(String key, boolean release, String admin) {
    return jdbc.sql("""
            update sms_outbox set status = case when :release then 'PENDING' else 'REFUSED' end,
                   released_at = case when :release then now() end,
                   -- never sent: the send after a release is a first attempt, with nothing to reconcile
                   attempts = 0, first_attempt_at = null, lease_until = null,
                   reason = case when :release then null else 'held_discarded' end,
                   decided_by = :admin, updated_at = now()
            where idempotency_key = :key and status = 'HELD'
            returning idempotency_key, business_id, to_phone, body, reason, held_at""")
        .param("release", release).param("admin", admin).param("key", key)
        .query(HELD_TEXT)
        .optional();
  }

  /** The journey stopped waiting: a text still held (or released but not sent) is refused for good. */
  public void dropHeld(String key) {
    jdbc.sql("""
            update sms_outbox set status = 'REFUSED', reason = 'held_not_released', lease_until = null, updated_at = now()
            where idempotency_key = :key and held_at is not null and status in ('HELD', 'PENDING')""")
        .param("key", key).update();
  }

  private static final org.springframework.jdbc.core.RowMapper<HeldText> HELD_TEXT = (rs, i) -> new HeldText(
      rs.getString("idempotency_key"), rs.getString("business_id"), rs.getString("to_phone"), rs.getString("body"),
      rs.getString("reason"), rs.getTimestamp("held_at").toInstant());

  /** A text held for an admin. */
  public record HeldText(String idempotencyKey, String businessId, String to, String body, String reason,
      java.time.Instant heldAt) {}

  @Override
  public void release(String key, String error) {
    jdbc.sql("update sms_outbox set lease_until = null, last_error = :error, updated_at = now() where idempotency_key = :key")
        .param("error", error).param("key", key).update();
  }

  private record Row(String status, int attempts, Timestamp firstAttemptAt, Timestamp leaseUntil, boolean leased,
      String messageSid, String providerStatus, String reason, Integer errorCode, boolean sameText) {}

  /** How many of the business's texts failed with each error code since {@code since} (delivery statuses). */
  public java.util.Optional<String> businessOf(String key) {
    return jdbc.sql("select business_id from sms_outbox where idempotency_key = :key").param("key", key)
        .query(String.class).optional();
  }

  public java.util.Map<Integer, Long> deliveryErrorsSince(String businessId, java.time.Instant since) {
    java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
    jdbc.sql("select delivery_error_code, count(*) from sms_outbox where business_id = :b and delivery_error_code is not null"
            + " and delivery_updated_at >= :since group by delivery_error_code")
        .param("b", businessId).param("since", java.sql.Timestamp.from(since))
        .query((rs, i) -> counts.put(rs.getInt(1), rs.getLong(2))).list();
    return counts;
  }
}
