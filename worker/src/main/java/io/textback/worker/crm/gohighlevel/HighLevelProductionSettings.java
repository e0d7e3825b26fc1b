package io.textback.worker.crm.gohighlevel;

import io.textback.worker.production.CrmProductionSettings;
import io.textback.worker.production.ProductionSettingsCheck;
import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/** With a business on textback's HighLevel app, the app's client secret must be a real one. */
public class HighLevelProductionSettings implements CrmProductionSettings {
  @Override
  public void check(ConfigurableEnvironment env, List<String> problems) {
    if (ProductionSettingsCheck.anyBusinessSets(env, "gohighlevel.conversation-provider-id")
        || ProductionSettingsCheck.anyBusinessSets(env, "gohighlevel.location-id")
            && !env.getProperty("textback.gohighlevel.client-id", "").isBlank()) {
      ProductionSettingsCheck.secret(env, "textback.gohighlevel.client-secret", "GOHIGHLEVEL_CLIENT_SECRET", problems);
    }
  }
}
