package io.textback.connector.gohighlevel.api;

import io.textback.crm.CrmCallRetries;
import io.textback.crm.RequestBudget;
import java.time.Duration;

/**
 * One HighLevel location's budgets, its burst limit (any 10 s) and its daily limit, taken from a
 * {@link RequestBudget} every worker shares, so textback waits its turn instead of drawing 429s. A
 * call that cannot get a place within the wait fails as a 429 and its job tries again later; a
 * used-up day waits 15 min at a time.
 */
public final class LocationLimiter {
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private final String locationId;
  private final int perSecond;
  private final int perDay;
  private final RequestBudget budget;

  public LocationLimiter(String locationId, HighLevelSettings settings, RequestBudget budget) {
    this.locationId = locationId;
    this.perSecond = CrmCallRetries.perSecondShare(settings.requestsPer10Seconds());
    this.perDay = Math.max(1, settings.requestsPerDay());
    this.budget = budget;
  }

  void beforeRequest() {
    if (!budget.tryTake("gohighlevel:" + locationId + ":day", perDay, Duration.ofDays(1))) {
      throw new HighLevelApiException(429, "textback held back: the location's requests for today are used up",
          Duration.ofMinutes(15), null);
    }
    if (!budget.take("gohighlevel:" + locationId + ":second", perSecond, Duration.ofSeconds(1), MAX_WAIT)) {
      throw new HighLevelApiException(429, "textback held back: the location's requests per 10 s are used up",
          Duration.ofSeconds(1), null);
    }
  }
}
