package io.textback.bpmn;

import java.util.Arrays;
import java.util.stream.Stream;

/** The CRM step processes a journey calls ({@code "<step>-in-" + crm}), for HubSpot, GoHighLevel and no CRM. */
final class CrmModels {
  static final String[] STEPS = {"log-call", "find-contact", "show-text", "create-deal", "create-task"};
  static final String[] CRMS = {"hubspot", "gohighlevel", "none"};

  private CrmModels() {}

  /** The journey's own models followed by every CRM step model. */
  static String[] with(String... journeyModels) {
    Stream<String> crm = Arrays.stream(CRMS).flatMap(c -> Arrays.stream(STEPS).map(s -> "bpmn/" + s + "-in-" + c + ".bpmn"));
    return Stream.concat(Arrays.stream(journeyModels), crm).toArray(String[]::new);
  }
}
