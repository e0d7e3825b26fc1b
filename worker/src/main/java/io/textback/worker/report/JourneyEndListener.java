package io.textback.worker.report;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Execution listener on the end events of the missed-call and web-form journeys that end without a
 * conversation: records why (not texted and the reason, voicemail left, caller reached).
 */
@Component
public class JourneyEndListener {
  /** End event id → the fact it records. */
  private static final Map<String, String> FACTS = Map.of(
      "NotTextedScreened", JourneyFacts.NOT_TEXTED, "NotTextedLogged", JourneyFacts.NOT_TEXTED,
      "NotTextedRefused", JourneyFacts.NOT_TEXTED, "Joined", JourneyFacts.NOT_TEXTED,
      "NotTextedDiscarded", JourneyFacts.NOT_TEXTED, "NotTextedHeldTooLong", JourneyFacts.NOT_TEXTED,
      "VoicemailLeftEnd", JourneyFacts.VOICEMAIL, "ReachedByPhone", JourneyFacts.REACHED);

  private final JourneyFacts facts;
  private final Clock clock;

  public JourneyEndListener(JourneyFacts facts, Clock clock) {
    this.facts = facts;
    this.clock = clock;
  }

  @JobWorker(type = "journey-end", fetchVariables = {"callSid", "submissionId", "notTextedReason", "textBack", "formReply"})
  public void ended(ActivatedJob job) {
    String kind = FACTS.get(job.getElementId());
    if (kind == null) {
      return;
    }
    Map<String, Object> v = job.getVariablesAsMap();
    String key = (String) (v.get("callSid") != null ? v.get("callSid") : v.get("submissionId"));
    facts.record(key, kind, JourneyFacts.NOT_TEXTED.equals(kind) ? reason(v) : null, clock.instant());
  }

  /** The screening's reason, or the send step's refusal. */
  private static String reason(Map<String, Object> v) {
    if (v.get("notTextedReason") instanceof String reason) {
      return reason;
    }
    for (String step : new String[] {"textBack", "formReply"}) {
      if (v.get(step) instanceof Map<?, ?> result && result.get("reason") != null) {
        return "refused_" + result.get("reason");
      }
    }
    return "unknown";
  }
}
