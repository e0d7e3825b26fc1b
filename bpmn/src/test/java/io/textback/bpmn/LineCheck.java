package io.textback.bpmn;

import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;

/** What the phone-lookup connector hands back: its result, and its result expression's notTextedReason. */
final class LineCheck {
  static final String LOOKUP = "io.textback:phone-lookup:1";

  private LineCheck() {}

  static Map<String, Object> result(boolean textable, String reason) {
    Map<String, Object> line = new HashMap<>();
    line.put("textable", textable);
    line.put("reason", reason);
    Map<String, Object> vars = new HashMap<>();
    vars.put("line", line);
    vars.put("notTextedReason", reason);
    return vars;
  }
}
