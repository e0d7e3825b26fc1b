package io.textback.connector.twilio.sms;

import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.connector.twilio.sms.model.SmsSendResult;
import java.time.Duration;
import java.time.Instant;

/**
 * Durable record of send intents, one per idempotency key, so that a job delivered twice texts
 * once. Implementations must be safe across worker replicas (a unique key and an atomic claim).
 */
public interface SmsOutbox {

  /**
   * Records the intent if it is new and tries to take the right to send for {@code lease}.
   *
   * @return {@link Claim.Done} when the key already has a final result, {@link Claim.Busy} when
   *     another worker holds a live lease, {@link Claim.Reused} when the key was taken by another
   *     text (another recipient or words), otherwise {@link Claim.Granted}.
   */
  Claim claim(SmsSendRequest request, Duration lease);

  /** Stores the final result; later claims of the key return it. */
  void complete(String idempotencyKey, SmsSendResult result);

  /** Gives the lease back after a failure whose outcome is unknown; the attempt stays counted. */
  void release(String idempotencyKey, String error);

  sealed interface Claim {}

  record Done(SmsSendResult result) implements Claim {}

  record Busy(Instant leaseUntil) implements Claim {}

  /** The key already stands for another text: a key means one text, so this one is not sent. */
  record Reused() implements Claim {}

  /**
   * The right to send. {@code attempt} counts from 1; any attempt after the first may follow one that
   * reached Twilio, so the caller reconciles before sending. {@code firstAttemptAt} bounds that search.
   */
  record Granted(int attempt, Instant firstAttemptAt) implements Claim {
    public boolean mayHaveReachedProvider() {
      return attempt > 1;
    }
  }
}
