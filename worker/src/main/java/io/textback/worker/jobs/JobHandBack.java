package io.textback.worker.jobs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Which jobs this worker is running, and whether it is stopping: a stopping worker hands back every
 * job it has not started (to another worker at once, its retries kept) and lets the running ones end.
 */
@Component
public class JobHandBack {
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean stopping;

  boolean stopping() {
    return stopping;
  }

  void started() {
    running.incrementAndGet();
  }

  void ended() {
    synchronized (running) {
      running.decrementAndGet();
      running.notifyAll();
    }
  }

  void beginStop() {
    stopping = true;
  }

  /** Waits until no job runs here, at most {@code timeout}; the count left (0 when all ended). */
  int awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (running) {
      while (running.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        running.wait(Math.max(1, left / 1_000_000));
      }
      return running.get();
    }
  }
}
