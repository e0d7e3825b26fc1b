package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The element templates Modeler loads are the ones the code generates, and every textback connector
 * task in the models names one of them with the same task type: Modeler opens each with its form,
 * never "template not found".
 */
class ModelerTemplatesTest {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  static final List<String> CONNECTOR_MODULES = List.of("twilio", "hubspot", "gohighlevel");

  /**
   * The committed templates (connectors/x/element-templates) equal what the generator plugin wrote
   * from the annotations when the connector module was built (connectors/x/target/element-templates).
   */
  @Test
  void theCommittedTemplatesAreWhatTheConnectorsGenerate() throws IOException {
    for (String module : CONNECTOR_MODULES) {
      Path committed = Path.of("..", "connectors", module, "element-templates");
      Path generated = Path.of("..", "connectors", module, "target", "element-templates");
      assertThat(generated).as("templates generated for connectors/" + module + " (build from the root)").isDirectory();
      List<String> names = jsonFiles(generated);
      assertThat(names).isNotEmpty();
      assertThat(jsonFiles(committed)).as("committed templates of connectors/" + module + " (run bin/element-templates)")
          .containsExactlyElementsOf(names);
      for (String name : names) {
        assertThat(Files.readString(committed.resolve(name)))
            .as(name + " differs from what the code generates: run bin/element-templates and commit it")
            .isEqualTo(Files.readString(generated.resolve(name)));
      }
    }
  }

  @Test
  void everyConnectorTaskUsesACommittedTemplateOfItsType() throws Exception {
    Map<String, JsonNode> templates = committedTemplates();
    assertThat(templates).isNotEmpty();
    int checked = 0;
    for (Path model : models()) {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList tasks = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS(BPMN, "serviceTask");
      for (int i = 0; i < tasks.getLength(); i++) {
        Element task = (Element) tasks.item(i);
        String type = ((Element) task.getElementsByTagNameNS(ZEEBE, "taskDefinition").item(0)).getAttribute("type");
        if (!type.startsWith("io.textback:")) {
          continue;
        }
        String where = model.getFileName() + " " + task.getAttribute("id");
        String templateId = task.getAttributeNS(ZEEBE, "modelerTemplate");
        assertThat(templateId).as(where + " names its element template").isNotEmpty();
        JsonNode template = templates.get(templateId + "@" + task.getAttributeNS(ZEEBE, "modelerTemplateVersion"));
        assertThat(template).as(where + ": template " + templateId + " (that version) is committed").isNotNull();
        assertThat(typeOf(template)).as(where + ": the template's task type").isEqualTo(type);
        checked++;
      }
    }
    assertThat(checked).as("connector tasks checked").isGreaterThanOrEqualTo(15);
  }

  private static String typeOf(JsonNode template) {
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.path("binding");
      if (binding.path("type").asText().equals("zeebe:taskDefinition") && binding.path("property").asText().equals("type")) {
        return property.path("value").asText();
      }
    }
    return null;
  }

  private static Map<String, JsonNode> committedTemplates() throws IOException {
    Map<String, JsonNode> byIdAndVersion = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String module : CONNECTOR_MODULES) {
      try (Stream<Path> files = Files.list(Path.of("..", "connectors", module, "element-templates"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          JsonNode t = json.readTree(file.toFile());
          byIdAndVersion.put(t.get("id").asText() + "@" + t.get("version").asText(), t);
        }
      }
    }
    return byIdAndVersion;
  }

  private static List<String> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "bpmn"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
