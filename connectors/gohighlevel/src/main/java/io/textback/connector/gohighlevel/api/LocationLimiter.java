package io.textback.connector.gohighlevel.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.textback.crm.CrmCallRetries;
import java.time.Duration;

/**
 * Client-side buckets for one HighLevel location: its burst limit (any 10 s) and its daily limit, so
 * textback waits its turn instead of drawing 429s. A call that cannot get a place within the wait
 * fails as a 429 and its job tries again later; a used-up day waits 15 min at a time.
 */
public final class LocationLimiter {
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private final RateLimiter burst;
  private final RateLimiter daily;

  public LocationLimiter(String locationId, HighLevelSettings settings) {
    this.burst = RateLimiter.of("gohighlevel-" + locationId, RateLimiterConfig.custom()
        .limitForPeriod(CrmCallRetries.perSecondShare(settings.requestsPer10Seconds()))
        .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(MAX_WAIT).build());
    this.daily = RateLimiter.of("gohighlevel-daily-" + locationId, RateLimiterConfig.custom()
        .limitForPeriod(Math.max(1, settings.requestsPerDay())).limitRefreshPeriod(Duration.ofDays(1))
        .timeoutDuration(Duration.ZERO).build());
  }

  void beforeRequest() {
    if (!daily.acquirePermission()) {
      throw new HighLevelApiException(429, "textback held back: the location's requests for today are used up",
          Duration.ofMinutes(15), null);
    }
    if (!burst.acquirePermission()) {
      throw new HighLevelApiException(429, "textback held back: the location's requests per 10 s are used up",
          Duration.ofSeconds(1), null);
    }
  }
}
