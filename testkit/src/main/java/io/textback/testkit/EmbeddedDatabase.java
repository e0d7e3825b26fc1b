package io.textback.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from zonky's embedded binaries; no installation, no Docker. It keeps its
 * data directory and port across {@link #stop()} and {@link #start()}, so a test can restart it as
 * an operator would and find its data again.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;
  private boolean closed;

  private EmbeddedDatabase(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.postgres = launch(dataDirectory, port);
    this.port = postgres.getPort();
  }

  /** Port 0 picks a free port. */
  public static EmbeddedDatabase start(int port) {
    try {
      EmbeddedDatabase database = new EmbeddedDatabase(Files.createTempDirectory("textback-postgres"), port);
      // A test JVM that ends without closing it (a shared server) still takes its folder along.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          database.close();
        } catch (Exception e) {
          // ending anyway
        }
      }, "textback-postgres-cleanup"));
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for embedded PostgreSQL", e);
    }
  }

  /**
   * A server in {@code dataDirectory}, started clean: a server a killed run left behind there (its
   * postmaster.pid names a live process) is stopped first, and its data removed. Local mode uses
   * this so a {@code kill -9} never leaves a PostgreSQL that the next start would attach to.
   */
  public static EmbeddedDatabase startClean(Path dataDirectory, int port) {
    stopOrphan(dataDirectory);
    Folders.delete(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dataDirectory + " for embedded PostgreSQL", e);
    }
    return new EmbeddedDatabase(dataDirectory, port);
  }

  /** Stops the PostgreSQL whose postmaster.pid is in this folder, if it still runs. */
  public static void stopOrphan(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    long pid;
    try (Stream<String> lines = Files.lines(pidFile)) {
      pid = Long.parseLong(lines.findFirst().orElse("").trim());
    } catch (IOException | NumberFormatException e) {
      return;
    }
    // Only a PostgreSQL serving this very folder: a pid reused since (after a reboot) is left alone.
    String folder = dataDirectory.toAbsolutePath().toString();
    ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(folder)).orElse(false))
        .ifPresent(orphan -> {
          orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown
          try {
            orphan.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
          } catch (Exception e) {
            orphan.destroyForcibly();
          }
        });
  }



  private static EmbeddedPostgres launch(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false);
      if (port > 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** Shuts the server down (connections are cut); its data stays for {@link #start()}. */
  public synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
    }
  }

  /** Starts the stopped server again on the same port with the same data. */
  public synchronized void start() {
    postgres = launch(dataDirectory, port);
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A fresh, empty database on the same server, for a test that must not share state. */
  public String createDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("database name must be lower-case letters, digits, _");
    }
    try (var connection = postgres.getPostgresDatabase().getConnection();
         var statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  public String username() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }

  public int port() {
    return port;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    postgres.close();
    Folders.delete(dataDirectory);
  }
}
