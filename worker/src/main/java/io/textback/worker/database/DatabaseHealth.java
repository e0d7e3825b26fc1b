package io.textback.worker.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, asked before every job: while it is down (a restart, a failover) jobs
 * wait for it instead of spending their retries on it. Probes at most once a second through the
 * pool; callers never queue behind a probe, they get the last answer.
 */
@Component
public class DatabaseHealth {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
  private static final long RECHECK_NANOS = Duration.ofSeconds(1).toNanos();
  private final DataSource dataSource;
  private final ReentrantLock probing = new ReentrantLock();
  private volatile boolean up = true;
  private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

  public DatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean isUp() {
    if (System.nanoTime() - checkedAt < RECHECK_NANOS || !probing.tryLock()) {
      return up;
    }
    try {
      boolean now = probe();
      if (now != up) {
        if (now) {
          LOG.info("PostgreSQL answers again: jobs run");
        } else {
          LOG.warn("PostgreSQL does not answer: jobs wait for it");
        }
      }
      up = now;
      checkedAt = System.nanoTime();
      return now;
    } finally {
      probing.unlock();
    }
  }

  private boolean probe() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      // a pool that is only busy is not an outage: only a failed connection counts
      return !isConnectionFailure(e);
    }
  }

  /** PostgreSQL's classes 08 (connection exception) and 57P (operator intervention: shutdown). */
  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }
}
