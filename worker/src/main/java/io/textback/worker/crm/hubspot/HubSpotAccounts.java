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

  public HubSpotAccounts(BusinessDirectory businesses) {
    this.businesses = businesses;
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
    return businesses.all().stream().filter(b -> b.hubspot() != null && portalId != null
        && portalId.equals(b.hubspot().portalId())).findFirst();
  }

  /** The business whose number is connected to HubSpot's inbox as this channel account. */
  public Optional<Business> byChannelAccount(String channelAccountId) {
    return businesses.all().stream().filter(b -> b.hubspot() != null && channelAccountId != null
        && channelAccountId.equals(b.hubspot().channelAccountId())).findFirst();
  }
}
