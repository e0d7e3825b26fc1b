package io.textback.crm;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CRM call with its retries, the same for every CRM client: a rate limit waits the CRM's
 * Retry-After (or the backoff when it gave none) and a 5xx or a broken connection backs off
 * exponentially, both up to {@code maxAttempts}; anything else is thrown at once. Long outages are the
 * job's to ride out ({@link CrmStepRetries}); this only absorbs a blip inside one job.
 */
public final class CrmCallRetries {
  private static final Logger LOG = LoggerFactory.getLogger(CrmCallRetries.class);
  private final String crm;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Function<RuntimeException, RuntimeException> asCrmFailure;

  /**
   * @param asCrmFailure turns what the HTTP client throws for no answer (a timeout, a refused
   *     connection) into the CRM's own exception, one that is a {@link CrmApiFailure}; others pass as they are
   */
  public CrmCallRetries(String crm, int maxAttempts, Duration initialBackoff,
      Function<RuntimeException, RuntimeException> asCrmFailure) {
    this.crm = crm;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.asCrmFailure = asCrmFailure;
  }

  /** @param beforeEach takes the call's place under the CRM's limits (throws a rate-limited failure when it cannot) */
  public <T> T call(Runnable beforeEach, Supplier<T> request) {
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        beforeEach.run();
        return request.get();
      } catch (RuntimeException raw) {
        RuntimeException e = asCrmFailure.apply(raw);
        if (!(e instanceof CrmApiFailure failure) || attempt >= maxAttempts
            || !(failure.isRateLimited() || failure.isTransient())) {
          throw e;
        }
        Duration wait = failure.isRateLimited() && failure.retryAfter() != null ? failure.retryAfter() : backoff;
        LOG.info("{} {}: retrying in {} (attempt {})", crm, e.getMessage(), wait, attempt);
        sleep(wait, e);
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  /**
   * The share of a limit counted over any 10 seconds that a bucket refilled every second may hand
   * out: any 10 s window spans at most 11 refills, so limit / 11 a second can never draw a 429 (9 a
   * second for 100 per 10 s). A bucket refilling the whole limit every 10 s would let twice it
   * through across a refill.
   */
  public static int perSecondShare(int per10Seconds) {
    return Math.max(1, per10Seconds / 11);
  }

  private static void sleep(Duration duration, RuntimeException cause) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
