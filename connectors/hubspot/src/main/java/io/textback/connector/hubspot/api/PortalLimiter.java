package io.textback.connector.hubspot.api;

import io.textback.crm.CrmCallRetries;
import io.textback.crm.RequestBudget;
import java.time.Duration;

/**
 * One HubSpot portal's budgets, the general burst limit and the search limit, taken from a
 * {@link RequestBudget} every worker shares, so textback waits its turn instead of drawing 429s. A
 * call that cannot get a place within the wait fails with a 429-like exception and is retried later
 * by the job.
 */
public final class PortalLimiter {
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private static final Duration SECOND = Duration.ofSeconds(1);
  private final String portal;
  private final int requestsPerSecond;
  private final int searchesPerSecond;
  private final RequestBudget budget;

  public PortalLimiter(String portal, HubSpotSettings settings, RequestBudget budget) {
    this.portal = portal;
    this.requestsPerSecond = perSecond(settings.requestsPer10Seconds());
    this.searchesPerSecond = settings.searchesPerSecond();
    this.budget = budget;
  }

  /** See {@link io.textback.crm.CrmCallRetries#perSecondShare}: 9 a second on a 100 portal. */
  static int perSecond(int requestsPer10Seconds) {
    return CrmCallRetries.perSecondShare(requestsPer10Seconds);
  }

  void beforeRequest() {
    take("hubspot:" + portal + ":requests", requestsPerSecond, "requests per 10 s");
  }

  void beforeSearch() {
    take("hubspot:" + portal + ":searches", searchesPerSecond, "searches per second");
    take("hubspot:" + portal + ":requests", requestsPerSecond, "requests per 10 s");
  }

  private void take(String key, int perSecond, String what) {
    if (!budget.take(key, perSecond, SECOND, MAX_WAIT)) {
      throw new HubSpotApiException(429, "LOCAL_RATE_LIMIT",
          "textback held back: the portal's " + what + " are used up for now", Duration.ofSeconds(1), null);
    }
  }
}
