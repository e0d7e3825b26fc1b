package io.textback.worker.crm.gohighlevel;

import io.textback.crm.CrmKind;
import io.textback.worker.crm.CrmConnection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A business is on HighLevel when its gohighlevel.location-id is set; textback is authorised there by
 * the location's Private Integration token, or by the marketplace app's install (then the app's client
 * id and secret must be set).
 */
@Component
public class HighLevelConnection implements CrmConnection {
  private final HighLevelProperties properties;

  public HighLevelConnection(HighLevelProperties properties) {
    this.properties = properties;
  }

  @Override
  public CrmKind crm() {
    return CrmKind.GOHIGHLEVEL;
  }

  @Override
  public boolean isConfigured(String businessId) {
    return properties.of(businessId).map(l -> l.locationId() != null && !l.locationId().isBlank()).orElse(false);
  }

  /** HighLevel's contact page in the business's location (an opportunity opens from its contact). */
  @Override
  public java.util.Optional<String> recordUrl(String businessId, String kind, String id) {
    return kind.equals("contact") ? properties.of(businessId).map(l -> "https://app.gohighlevel.com/v2/location/"
        + l.locationId() + "/contacts/detail/" + id) : java.util.Optional.empty();
  }

  @Override
  public List<String> problems(String businessId) {
    List<String> problems = new ArrayList<>();
    if (!isConfigured(businessId)) {
      problems.add("crm is gohighlevel but gohighlevel.location-id is not set");
      return problems;
    }
    HighLevelProperties.Location location = properties.of(businessId).orElseThrow();
    HighLevelProperties.Global app = properties.gohighlevel();
    boolean appSet = app.clientId() != null && !app.clientId().isBlank() && app.clientSecret() != null
        && !app.clientSecret().isBlank();
    if (!location.hasToken() && !appSet) {
      problems.add("gohighlevel needs the location's private-integration-token, or the marketplace app "
          + "(textback.gohighlevel.client-id and client-secret) installed on location " + location.locationId());
    }
    if (location.hasToken() && location.conversationProviderId() != null && !location.conversationProviderId().isBlank()) {
      problems.add("gohighlevel.conversation-provider-id needs the marketplace app's install: a Private Integration "
          + "token cannot own a conversation provider (HighLevel answers 'You don't have access to the "
          + "conversationProvider'); remove the token or the provider id");
    }
    return problems;
  }
}
