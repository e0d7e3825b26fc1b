package io.textback.crm;

import java.time.Duration;

/**
 * A CRM account's request budget, counted where every worker sees it: at most {@code limit}
 * requests per {@code window} for one key (a portal's requests per second, a location's per day).
 * The worker keeps it in PostgreSQL, so the limit holds across all its workers together.
 */
public interface RequestBudget {
  /** Takes one request from the key's current window; false when the window's budget is spent. */
  boolean tryTake(String key, int limit, Duration window);

  /**
   * Takes one request, waiting for a later window while this one is spent, at most {@code maxWait};
   * false when none freed up in time.
   */
  default boolean take(String key, int limit, Duration window, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (!tryTake(key, limit, window)) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(Math.min(100, Math.max(1, window.toMillis() / 10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
