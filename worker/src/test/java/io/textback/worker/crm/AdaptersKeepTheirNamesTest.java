package io.textback.worker.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The worker talks to CRMs through the port: no code outside a CRM's own package crm/<name> names a CRM. */
class AdaptersKeepTheirNamesTest {
  static final Path SOURCES = Path.of("src", "main", "java", "io", "textback", "worker");
  static final List<String> CRMS = List.of("hubspot", "highlevel");

  @Test
  void noWorkerCodeOutsideCrmNameNamesACrm() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<String> naming = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.startsWith(SOURCES.resolve("crm").resolve("hubspot")) && !f.startsWith(SOURCES.resolve("crm").resolve("gohighlevel")))
          .filter(f -> {
            try {
              String text = Files.readString(f).toLowerCase(Locale.ROOT);
              return CRMS.stream().anyMatch(text::contains);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString).toList();
      assertThat(naming).as("files outside crm/<name> that name a CRM").isEmpty();
    }
  }
}
