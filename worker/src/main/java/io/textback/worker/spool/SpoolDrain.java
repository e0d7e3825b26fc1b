package io.textback.worker.spool;

import io.textback.worker.database.DatabaseUnavailable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the spool back into PostgreSQL, oldest webhook first, through the same work each controller
 * does live: the events land in inbound_event once (by the provider's ids, as any repeat does), and
 * only then does the spool let texts go again. Started before the job workers (a worker started with
 * a spool drains it first) and run once more when the worker stops.
 */
@Component
public class SpoolDrain implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolDrain.class);

  private final WebhookSpool spool;
  private final Map<String, Consumer<WebhookReceipt>> replays = new HashMap<>();
  private final long intervalMillis;
  /** Records of a sealed file already replayed by this process: a retry after an outage resumes there. */
  private final Map<Path, Integer> done = new HashMap<>();
  /** A record PostgreSQL keeps failing (not an outage) is set aside after this many tries (about a minute). */
  static final int MAX_DATABASE_FAILURES = 120;
  private int failures;
  private volatile boolean running;
  private Thread thread;

  public SpoolDrain(WebhookSpool spool, List<SpooledWebhooks> controllers, SpoolProperties properties) {
    this.spool = spool;
    for (SpooledWebhooks controller : controllers) {
      controller.replayByPath().forEach((path, replay) -> {
        if (replays.putIfAbsent(path, replay) != null) {
          throw new IllegalStateException("two controllers replay " + path);
        }
      });
    }
    this.intervalMillis = properties.drainInterval().toMillis();
  }

  /** Early, so that the spool is read before job workers and the relay are busy with new work. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }

  @Override
  public void start() {
    running = true;
    drainQuietly();
    thread = Thread.ofPlatform().name("spool-drain").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // what a stopping worker can still hand to PostgreSQL it does; the rest stays on disk for its next start
    drainQuietly();
    if (spool.isHolding()) {
      LOG.warn("Stopping with {} webhooks in the spool: they are read when this worker starts again", spool.waiting());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      drainQuietly();
    }
  }

  private void drainQuietly() {
    try {
      drain();
    } catch (IOException | RuntimeException e) {
      LOG.warn("The spool could not be read: {}", e.toString());
    }
  }

  /**
   * Replays everything waiting, in order; stops at the first webhook that finds PostgreSQL still down
   * (it and those after it wait for the next try).
   *
   * @return whether the spool is now empty
   */
  public synchronized boolean drain() throws IOException {
    SpoolJournal journal = spool.journal();
    int replayed = 0;
    // sealed again until a seal finds nothing new: webhooks keep queueing behind the spool while it is read
    while (spool.isHolding()) {
      List<Path> files = journal.seal();
      if (files.isEmpty()) {
        break;
      }
      for (Path file : files) {
        List<byte[]> records = journal.read(file);
        for (int i = done.getOrDefault(file, 0); i < records.size(); i++) {
          if (!replay(journal, records.get(i))) {
            done.put(file, i);
            if (replayed > 0) {
              LOG.info("Spool: {} webhooks read into PostgreSQL, then it failed again; {} wait", replayed, spool.waiting());
            }
            return false;
          }
          replayed++;
        }
        journal.remove(file);
        done.remove(file);
        failures = 0;
      }
    }
    if (replayed > 0) {
      LOG.info("Spool drained: {} webhooks read into PostgreSQL", replayed);
    }
    return !spool.isHolding();
  }

  /** False when PostgreSQL is still unavailable; a webhook no controller can take is set aside. */
  private boolean replay(SpoolJournal journal, byte[] record) throws IOException {
    WebhookReceipt receipt;
    try {
      receipt = spool.read(record);
    } catch (IOException | RuntimeException e) {
      LOG.error("Spool: a record that is not a webhook was set aside in {} ({})", SpoolJournal.REJECTED,
          e.getClass().getSimpleName());
      journal.reject(record);
      return true;
    }
    Consumer<WebhookReceipt> replay = replays.get(receipt.path());
    try {
      if (replay == null) {
        throw new IllegalStateException("no controller takes " + receipt.path());
      }
      replay.accept(receipt);
      failures = 0;
      return true;
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.is(e)) {
        return false;
      }
      if (e instanceof DataAccessException && ++failures < MAX_DATABASE_FAILURES) {
        // PostgreSQL answered but failed (a read-only node after a failover, a serialization failure): tried again
        LOG.warn("Spool: webhook {} received {} failed in PostgreSQL ({} of {} tries): {}", receipt.path(),
            receipt.receivedAt(), failures, MAX_DATABASE_FAILURES, e.getClass().getSimpleName());
        return false;
      }
      // the same refusal the live webhook would have had (an unknown number, a bad parameter), or a
      // record PostgreSQL refused every time: kept for a person, so the rest is not held behind it
      failures = 0;
      LOG.error("Spool: webhook {} received {} was refused on replay and set aside in {}: {}", receipt.path(),
          receipt.receivedAt(), SpoolJournal.REJECTED, e.getClass().getSimpleName());
      journal.reject(record);
      return true;
    }
  }
}
