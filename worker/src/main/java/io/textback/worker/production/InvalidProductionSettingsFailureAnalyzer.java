package io.textback.worker.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused settings as Spring Boot's "APPLICATION FAILED TO START" report, one per line. */
public class InvalidProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProductionSettingsException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, InvalidProductionSettingsException cause) {
    return new FailureAnalysis("textback will not start in production with these settings:\n  - "
        + String.join("\n  - ", cause.problems()),
        "Set them in the environment (see .env.example and the README's production guide).", cause);
  }
}
