package io.textback.worker.crm.hubspot;

import io.textback.crm.CrmAccounts;
import io.textback.crm.CrmKind;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The business a HubSpot webhook is for: by its portal id, or by the inbox channel account it names. */
@Component
public class HubSpotAccounts implements CrmAccounts {
  private final BusinessDirectory businesses;
  private final ConfiguredHubSpotPortals portals;

  public HubSpotAccounts(BusinessDirectory businesses, ConfiguredHubSpotPortals portals) {
    this.businesses = businesses;
    this.portals = portals;
  }

  /** The portal settings of a business on HubSpot. */
  public Optional<HubSpotProperties.Portal> settingsOf(Business business) {
    return portals.settingsOf(business);
  }

  @Override
  public CrmKind crm() {
    return CrmKind.HUBSPOT;
  }

  @Override
  public Optional<String> businessOfAccount(String portalId) {
    return byPortal(portalId).map(Business::id);
  }

  @Override
  public Optional<String> businessOfChannel(String channelAccountId) {
    return byChannelAccount(channelAccountId).map(Business::id);
  }

  /** The business connected to this portal. */
  public Optional<Business> byPortal(String portalId) {
    return businesses.all().stream().filter(b -> portalId != null
        && portals.settingsOf(b).map(HubSpotProperties.Portal::portalId).filter(portalId::equals).isPresent()).findFirst();
  }

  /** The business whose number is connected to HubSpot's inbox as this channel account. */
  public Optional<Business> byChannelAccount(String channelAccountId) {
    return businesses.all().stream().filter(b -> channelAccountId != null
        && portals.settingsOf(b).map(HubSpotProperties.Portal::channelAccountId).filter(channelAccountId::equals).isPresent())
        .findFirst();
  }
}
