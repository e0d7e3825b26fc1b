package io.textback.worker.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.textback.testkit.EmbeddedDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A PostgreSQL of its own, stopped and started again as an operator would. */
class DatabaseHealthTest {
  @Test
  void aStoppedDatabaseIsKnownAtOnce_andARestartedOneAgain() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(0); HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(database.jdbcUrl());
      pool.setUsername(database.username());
      pool.setPassword(database.password());
      pool.setConnectionTimeout(10_000);
      DatabaseHealth health = new DatabaseHealth(pool);
      assertThat(health.isUpNow()).isTrue();

      database.stop();
      long start = System.nanoTime();
      assertThat(health.isUpNow()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the pool's 10 s").isLessThan(Duration.ofSeconds(3));
      assertThat(health.isUp()).as("the answer is kept for the callers after").isFalse();

      database.start();
      assertThat(health.isUpNow()).isTrue();
    }
  }

  @Test
  void aConnectionTheServerClosedIsAnOutage_aBusyPoolIsNot() {
    var closed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
        new java.sql.SQLException("Connection is closed", "08003"));
    assertThat(DatabaseUnavailable.isOutage(closed)).isTrue();
    assertThat(DatabaseUnavailable.is(closed)).isTrue();
    var busy = new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 10000ms"));
    assertThat(DatabaseUnavailable.isOutage(busy)).isFalse();
    assertThat(DatabaseUnavailable.is(busy)).as("still a 503 for a webhook").isTrue();
  }
}
