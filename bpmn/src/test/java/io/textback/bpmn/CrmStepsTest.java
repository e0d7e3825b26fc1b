package io.textback.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The journeys never name a CRM: each CRM step is a call activity into {@code "<step>-in-" + crm},
 * and every CRM textback supports has a process for every step a journey calls, startable by a call
 * activity (a none start event).
 */
class CrmStepsTest {
  static final Path MODELS = Path.of("src", "main", "resources", "bpmn");
  static final List<String> JOURNEYS = List.of("missed-call-text-back", "form-auto-response", "lead-conversation");
  static final Pattern CRM_STEP = Pattern.compile("^=\"([a-z-]+)-in-\" \\+ crm$");

  @Test
  void noJourneyNamesACrm() throws Exception {
    for (String journey : JOURNEYS) {
      String model = Files.readString(MODELS.resolve(journey + ".bpmn"));
      for (String crm : List.of("hubspot", "highlevel", "gohighlevel")) {
        assertThat(model.toLowerCase().indexOf(crm)).as(journey + " names " + crm).isEqualTo(-1);
      }
    }
  }

  @Test
  void everyCrmHasEveryStepTheJourneysCall() throws Exception {
    List<String> steps = new ArrayList<>();
    for (String journey : JOURNEYS) {
      NodeList calls = parse(MODELS.resolve(journey + ".bpmn")).getElementsByTagNameNS(ModelerTemplatesTest.ZEEBE, "calledElement");
      for (int i = 0; i < calls.getLength(); i++) {
        Matcher step = CRM_STEP.matcher(((Element) calls.item(i)).getAttribute("processId"));
        if (step.matches() && !steps.contains(step.group(1))) {
          steps.add(step.group(1));
        }
      }
    }
    assertThat(steps).as("the steps the journeys call").containsExactlyInAnyOrder(CrmModels.STEPS);
    for (String crm : CrmModels.CRMS) {
      for (String step : steps) {
        Path model = MODELS.resolve(step + "-in-" + crm + ".bpmn");
        assertThat(model).as(crm + " has " + step).exists();
        Element process = (Element) parse(model).getElementsByTagNameNS(ModelerTemplatesTest.BPMN, "process").item(0);
        assertThat(process.getAttribute("id")).isEqualTo(step + "-in-" + crm);
        NodeList starts = process.getElementsByTagNameNS(ModelerTemplatesTest.BPMN, "startEvent");
        boolean noneStart = false;
        for (int i = 0; i < starts.getLength(); i++) {
          noneStart |= ((Element) starts.item(i)).getElementsByTagNameNS(ModelerTemplatesTest.BPMN, "messageEventDefinition").getLength() == 0;
        }
        assertThat(noneStart).as(model + " can be called (a none start event)").isTrue();
      }
    }
  }

  private static org.w3c.dom.Document parse(Path model) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(model.toFile());
  }
}
