package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.api.HighLevelSettings;
import org.springframework.stereotype.Component;

/** The client settings every HighLevel client of this worker is built with. */
@Component
public class HighLevelApiSettings {
  private final HighLevelSettings settings;

  public HighLevelApiSettings(HighLevelProperties properties) {
    HighLevelProperties.Global g = properties.gohighlevel();
    this.settings = new HighLevelSettings(g.baseUrl(), g.requestsPer10Seconds(), g.requestsPerDay(), g.maxAttempts(),
        g.initialBackoff(), g.connectTimeout(), g.readTimeout());
  }

  public HighLevelSettings settings() {
    return settings;
  }
}
