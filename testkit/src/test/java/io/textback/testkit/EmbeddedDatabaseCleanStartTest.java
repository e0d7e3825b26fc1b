package io.textback.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * Local mode's database after a kill -9: the PostgreSQL a killed run left in its folder is stopped
 * and the next start is clean, on the same port, never attached to the old data.
 */
class EmbeddedDatabaseCleanStartTest {

  @Test
  void aServerLeftRunningInTheFolder_isStoppedAndTheNewStartIsEmpty() throws Exception {
    Path folder = Files.createTempDirectory("textback-clean-start").resolve("postgres");
    EmbeddedDatabase orphan = EmbeddedDatabase.startClean(folder, 0);
    int port = orphan.port();
    try (var c = DriverManager.getConnection(orphan.jdbcUrl(), "postgres", "postgres"); var st = c.createStatement()) {
      st.execute("create table conversation_of_an_old_engine (id int)");
    }
    long orphanPid = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).trim());

    // The killed JVM never closed it: the next start finds it running in the same folder.
    try (EmbeddedDatabase fresh = EmbeddedDatabase.startClean(folder, port)) {
      assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("the orphan is stopped").isFalse();
      assertThat(fresh.port()).isEqualTo(port);
      try (var c = DriverManager.getConnection(fresh.jdbcUrl(), "postgres", "postgres");
           var rs = c.getMetaData().getTables(null, null, "conversation_of_an_old_engine", null)) {
        assertThat(rs.next()).as("the old data is gone").isFalse();
      }
    }
    assertThat(folder).doesNotExist();
  }
}
