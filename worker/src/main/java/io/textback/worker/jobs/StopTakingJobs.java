package io.textback.worker.jobs;

import io.camunda.client.jobhandling.JobWorkerManager;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping worker (SIGTERM, a deploy) does: no more jobs are taken, each job
 * already pushed to it but not started is failed back with its retries and no backoff, so another
 * worker takes it at once rather than after the job's 5-minute timeout, and the jobs running now may
 * end (at most {@link #GRACE}). Then the web server finishes its requests and the spool is read.
 */
@Component
class StopTakingJobs implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(StopTakingJobs.class);
  static final Duration GRACE = Duration.ofSeconds(20);
  private final JobWorkerManager workers;
  private final JobHandBack handBack;
  private volatile boolean running;

  StopTakingJobs(JobWorkerManager workers, JobHandBack handBack) {
    this.workers = workers;
    this.handBack = handBack;
  }

  /** Stopped before every other part (the highest phase stops first). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    handBack.beginStop();
    long start = System.nanoTime();
    workers.closeAllOpenWorkers();
    try {
      int left = handBack.awaitIdle(GRACE);
      LOG.info("Stopping: no more jobs taken, those not started handed back; {} ({} ms)",
          left == 0 ? "the running ones ended" : left + " still running were left to their timeout",
          (System.nanoTime() - start) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
