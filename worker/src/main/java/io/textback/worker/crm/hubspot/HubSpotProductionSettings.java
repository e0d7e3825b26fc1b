package io.textback.worker.crm.hubspot;

import io.textback.worker.production.CrmProductionSettings;
import io.textback.worker.production.ProductionSettingsCheck;
import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/** With a business on HubSpot, the app's client secret (it signs HubSpot's webhooks) must be a real one. */
public class HubSpotProductionSettings implements CrmProductionSettings {
  @Override
  public void check(ConfigurableEnvironment env, List<String> problems) {
    if (ProductionSettingsCheck.anyBusinessSets(env, "hubspot.access-token")) {
      ProductionSettingsCheck.secret(env, "textback.hubspot.client-secret", "HUBSPOT_CLIENT_SECRET", problems);
    }
  }
}
