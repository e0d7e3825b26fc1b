package io.textback.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders the embedded parts keep their state in. */
public final class Folders {
  private Folders() {}

  /** Deletes a folder and everything in it; a folder that is not there is fine. */
  public static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
