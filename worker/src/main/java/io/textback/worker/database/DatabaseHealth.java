package io.textback.worker.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, asked before every job and when a job fails: while it is down (a
 * restart, a failover) jobs wait for it instead of spending their retries on it. The probe opens a
 * connection of its own with a 2-second limit, beside the pool: a refused connection is known at
 * once, and a pool that is only busy is not taken for an outage.
 */
@Component
public class DatabaseHealth {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
  private static final long RECHECK_NANOS = Duration.ofSeconds(1).toNanos();
  private static final int PROBE_SECONDS = 2;
  private final DataSource dataSource;
  private final ReentrantLock probing = new ReentrantLock();
  private volatile boolean up = true;
  private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

  public DatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The last answer, asked again at most once a second; callers never queue behind a probe. */
  public boolean isUp() {
    if (System.nanoTime() - checkedAt < RECHECK_NANOS || !probing.tryLock()) {
      return up;
    }
    try {
      return probeNow();
    } finally {
      probing.unlock();
    }
  }

  /**
   * The last answer, never asking again: for a webhook, which must not pay for a probe's new
   * connection (the jobs keep the answer fresh, each asking at most once a second).
   */
  public boolean lastKnownUp() {
    return up;
  }

  /** Asks PostgreSQL now: for a job about to be failed, where a stale answer would cost a retry. */
  public boolean isUpNow() {
    return probeNow();
  }

  private boolean probeNow() {
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
  }

  private boolean probe() {
    try (Connection connection = open()) {
      return connection.isValid(PROBE_SECONDS);
    } catch (SQLException e) {
      return !DatabaseUnavailable.isOutage(e);
    }
  }

  private Connection open() throws SQLException {
    if (!dataSource.isWrapperFor(HikariDataSource.class)) {
      return dataSource.getConnection();
    }
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    Properties login = new Properties();
    if (pool.getUsername() != null) {
      login.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      login.setProperty("password", pool.getPassword());
    }
    login.setProperty("connectTimeout", Integer.toString(PROBE_SECONDS));
    login.setProperty("socketTimeout", Integer.toString(PROBE_SECONDS));
    login.setProperty("loginTimeout", Integer.toString(PROBE_SECONDS));
    // the driver itself, not DriverManager: no class loader question inside the packaged jar
    Connection own = new org.postgresql.Driver().connect(pool.getJdbcUrl(), login);
    return own != null ? own : dataSource.getConnection();
  }
}
