package io.textback.connector.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The element templates Modeler loads (element-templates/, committed) are exactly what the
 * connectors' annotations generate (target/element-templates/, by the generator plugin before the
 * tests run). When this fails, run bin/element-templates and commit the result.
 */
class ElementTemplatesAreCommittedTest {
  static final Path COMMITTED = Path.of("element-templates");
  static final Path GENERATED = Path.of("target", "element-templates");

  @Test
  void everyGeneratedTemplateIsCommittedUnchanged() throws IOException {
    List<String> generated = names(GENERATED);
    assertThat(generated).as("templates generated from the annotations").isNotEmpty();
    assertThat(names(COMMITTED)).as("committed templates (run bin/element-templates)").containsExactlyElementsOf(generated);
    for (String name : generated) {
      assertThat(Files.readString(COMMITTED.resolve(name)))
          .as(name + " differs from what the code generates: run bin/element-templates and commit it")
          .isEqualTo(Files.readString(GENERATED.resolve(name)));
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }
}
