package io.textback.worker.held;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Execution listener on a journey's "held too long" end: the held text is dropped for good, so a
 * late release cannot send it and the console stops listing it.
 */
@Component
public class DropHeldTextListener {
  /** The first text's idempotency key, per journey, as its model's send step builds it. */
  static final Map<String, String[]> KEYS = Map.of(
      "missed-call-text-back", new String[] {"callSid", ":text-back"},
      "form-auto-response", new String[] {"submissionId", ":form-reply"});

  private final HeldTexts held;

  public DropHeldTextListener(HeldTexts held) {
    this.held = held;
  }

  @JobWorker(type = "drop-held-text", fetchVariables = {"callSid", "submissionId"})
  public void drop(ActivatedJob job) {
    String[] key = KEYS.get(job.getBpmnProcessId());
    if (key == null || !(job.getVariablesAsMap().get(key[0]) instanceof String journey)) {
      throw new IllegalStateException("drop-held-text on " + job.getBpmnProcessId() + " finds no journey key");
    }
    held.drop(journey + key[1]);
  }
}
