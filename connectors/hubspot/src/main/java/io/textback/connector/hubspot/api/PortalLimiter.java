package io.textback.connector.hubspot.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * Client-side token buckets for one HubSpot portal: the general burst limit and the search limit,
 * so textback waits its turn instead of drawing 429s. A call that cannot get a token within the
 * wait fails with a 429-like exception and is retried later by the job.
 */
public final class PortalLimiter {
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private final RateLimiter requests;
  private final RateLimiter searches;

  public PortalLimiter(String portal, HubSpotSettings settings) {
    this.requests = RateLimiter.of("hubspot-" + portal, RateLimiterConfig.custom()
        .limitForPeriod(perSecond(settings.requestsPer10Seconds())).limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(MAX_WAIT).build());
    this.searches = RateLimiter.of("hubspot-search-" + portal, RateLimiterConfig.custom()
        .limitForPeriod(settings.searchesPerSecond()).limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(MAX_WAIT).build());
  }

  /** See {@link io.textback.crm.CrmCallRetries#perSecondShare}: 9 a second on a 100 portal. */
  static int perSecond(int requestsPer10Seconds) {
    return io.textback.crm.CrmCallRetries.perSecondShare(requestsPer10Seconds);
  }

  void beforeRequest() {
    take(requests, "requests per 10 s");
  }

  void beforeSearch() {
    take(searches, "searches per second");
    take(requests, "requests per 10 s");
  }

  private static void take(RateLimiter limiter, String what) {
    if (!limiter.acquirePermission()) {
      throw new HubSpotApiException(429, "LOCAL_RATE_LIMIT",
          "textback held back: the portal's " + what + " are used up for now", Duration.ofSeconds(1), null);
    }
  }
}
