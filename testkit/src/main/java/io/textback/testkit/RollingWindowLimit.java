package io.textback.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/** A vendor's burst limit as the fakes model it: at most N requests in any 10 seconds; 0 is no limit. */
final class RollingWindowLimit {
  private final Deque<Long> recent = new ArrayDeque<>();
  private volatile int per10Seconds;

  void limitTo(int per10Seconds) {
    this.per10Seconds = per10Seconds;
  }

  /** Whether this request is over the limit (a request within it is counted). */
  boolean over() {
    if (per10Seconds <= 0) {
      return false;
    }
    long now = System.currentTimeMillis();
    synchronized (recent) {
      while (!recent.isEmpty() && recent.peekFirst() < now - 10_000) {
        recent.pollFirst();
      }
      if (recent.size() >= per10Seconds) {
        return true;
      }
      recent.addLast(now);
      return false;
    }
  }

  void clear() {
    synchronized (recent) {
      recent.clear();
    }
  }
}
