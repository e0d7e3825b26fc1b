package io.textback.crm;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The budget of one JVM alone, in fixed windows: for a client outside the worker (tests, tools). */
public final class InMemoryRequestBudget implements RequestBudget {
  private record Window(long start, int used) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @Override
  public boolean tryTake(String key, int limit, Duration window) {
    long start = System.currentTimeMillis() / window.toMillis();
    boolean[] taken = {false};
    windows.compute(key, (k, w) -> {
      Window current = w == null || w.start() != start ? new Window(start, 0) : w;
      if (current.used() < limit) {
        taken[0] = true;
        return new Window(start, current.used() + 1);
      }
      return current;
    });
    return taken[0];
  }
}
