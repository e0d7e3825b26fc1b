package io.textback.connector.twilio.sms;

import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The outbox contract in memory, for connector tests; the worker's PostgreSQL outbox is tested there. */
final class InMemorySmsOutbox implements SmsOutbox {
  private final Map<String, Entry> entries = new HashMap<>();

  private static final class Entry {
    String text;
    int attempts;
    Instant firstAttemptAt;
    Instant leaseUntil;
    SmsSendResult result;
  }

  @Override
  public synchronized Claim claim(SmsSendRequest request, Duration lease) {
    Entry e = entries.computeIfAbsent(request.idempotencyKey(), k -> new Entry());
    String text = request.to() + "\n" + request.body();
    if (e.text == null) {
      e.text = text;
    } else if (!e.text.equals(text)) {
      return new Reused();
    }
    Instant now = Instant.now();
    if (e.result != null) {
      return new Done(e.result);
    }
    if (e.leaseUntil != null && e.leaseUntil.isAfter(now)) {
      return new Busy(e.leaseUntil);
    }
    e.attempts++;
    if (e.firstAttemptAt == null) {
      e.firstAttemptAt = now;
    }
    e.leaseUntil = now.plus(lease);
    return new Granted(e.attempts, e.firstAttemptAt);
  }

  @Override
  public synchronized void complete(String key, SmsSendResult result) {
    entries.get(key).result = result;
  }

  @Override
  public synchronized void release(String key, String error) {
    entries.get(key).leaseUntil = null;
  }

  /** Simulates a worker that died holding the lease: the lease has run out. */
  synchronized void expireLease(String key) {
    entries.get(key).leaseUntil = Instant.now().minusSeconds(1);
  }
}
