package io.textback.worker.crm.hubspot;

import io.textback.crm.CrmKind;
import io.textback.worker.crm.CrmConnection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A business is on HubSpot when its hubspot.access-token is set. */
@Component
public class HubSpotConnection implements CrmConnection {
  private final HubSpotProperties properties;

  public HubSpotConnection(HubSpotProperties properties) {
    this.properties = properties;
  }

  @Override
  public CrmKind crm() {
    return CrmKind.HUBSPOT;
  }

  @Override
  public boolean isConfigured(String businessId) {
    return settings(businessId).map(HubSpotProperties.Portal::enabled).orElse(false);
  }

  @Override
  public List<String> problems(String businessId) {
    return isConfigured(businessId) ? List.of() : List.of("crm is hubspot but hubspot.access-token is not set");
  }

  /** HubSpot's record pages: contacts are object 0-1, deals 0-3, in the business's portal. */
  @Override
  public Optional<String> recordUrl(String businessId, String kind, String id) {
    String object = switch (kind) {
      case "contact" -> "0-1";
      case "deal" -> "0-3";
      default -> null;
    };
    return settings(businessId).map(HubSpotProperties.Portal::portalId).filter(p -> p != null && !p.isBlank() && object != null)
        .map(portal -> "https://app.hubspot.com/contacts/" + portal + "/record/" + object + "/" + id);
  }

  private Optional<HubSpotProperties.Portal> settings(String businessId) {
    return properties.of(businessId);
  }
}
