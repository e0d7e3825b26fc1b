package io.textback.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder one local mode owns: a pid file says which JVM. A second local mode on the same folder
 * is refused while that JVM lives; once it is gone (killed), what it left is an orphan to clear.
 */
final class LocalHome {
  private static final String PID_FILE = "local.pid";

  private LocalHome() {}

  static void claim(Path home) {
    try {
      Files.createDirectories(home);
      Path pidFile = home.resolve(PID_FILE);
      Optional<ProcessHandle> owner = owner(pidFile);
      if (owner.isPresent()) {
        throw new IllegalStateException("another local mode (pid " + owner.get().pid() + ") runs from " + home
            + ": stop it first, or start this one on other ports (TEXTBACK_PORT=...) or with TEXTBACK_LOCAL_HOME=...");
      }
      Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use " + home + " for local mode", e);
    }
  }

  static void release(Path home) {
    try {
      Path pidFile = home.resolve(PID_FILE);
      if (owner(pidFile).isEmpty() && Files.exists(pidFile)
          && Files.readString(pidFile).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
        Files.delete(pidFile);
      }
    } catch (IOException e) {
      // the next start reads a dead pid and goes on
    }
  }

  /** The live JVM, other than this one, that wrote the pid file. */
  private static Optional<ProcessHandle> owner(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (pid == ProcessHandle.current().pid()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true));
  }
}
