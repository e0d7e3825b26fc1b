package io.textback.worker.crm.hubspot;

import io.textback.crm.CrmKind;
import io.textback.worker.TextbackProperties;
import io.textback.worker.business.BusinessSettings;
import io.textback.worker.crm.CrmConnection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A business is on HubSpot when its hubspot.access-token is set. */
@Component
public class HubSpotConnection implements CrmConnection {
  private final TextbackProperties properties;

  public HubSpotConnection(TextbackProperties properties) {
    this.properties = properties;
  }

  @Override
  public CrmKind crm() {
    return CrmKind.HUBSPOT;
  }

  @Override
  public boolean isConfigured(String businessId) {
    return settings(businessId).map(BusinessSettings.HubSpot::enabled).orElse(false);
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
    return settings(businessId).map(BusinessSettings.HubSpot::portalId).filter(p -> p != null && !p.isBlank() && object != null)
        .map(portal -> "https://app.hubspot.com/contacts/" + portal + "/record/" + object + "/" + id);
  }

  private Optional<BusinessSettings.HubSpot> settings(String businessId) {
    return properties.businesses().stream().filter(b -> businessId != null && businessId.equals(b.id()))
        .map(BusinessSettings::hubspot).filter(java.util.Objects::nonNull).findFirst();
  }
}
