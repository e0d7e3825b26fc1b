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
                   reason = :reason, error_code = :code, lease_until = null, updated_at = now()
            where idempotency_key = :key""")
        .param("status", result.outcome().name()).param("sid", result.messageSid())
        .param("providerStatus", result.status()).param("reason", result.reason())
        .param("code", result.errorCode()).param("key", key)
        .update();
  }

  @Override
  public void release(String key, String error) {
    jdbc.sql("update sms_outbox set lease_until = null, last_error = :error, updated_at = now() where idempotency_key = :key")
        .param("error", error).param("key", key).update();
  }

  private record Row(String status, int attempts, Timestamp firstAttemptAt, Timestamp leaseUntil, boolean leased,
      String messageSid, String providerStatus, String reason, Integer errorCode, boolean sameText) {}
}
