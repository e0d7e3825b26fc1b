package io.textback.connector.hubspot.crm;

import io.textback.connector.hubspot.api.HubSpotClient;
import java.util.Optional;

/** Which HubSpot portal a business writes to, and how; empty when the business has no HubSpot. */
public interface HubSpotPortals {
  Optional<Portal> forBusiness(String businessId);

  /**
   * @param channelId the custom channel carrying SMS threads, or null to log texts as communications
   *     on the contact's timeline (portals without custom channels)
   */
  record Portal(HubSpotClient client, String businessName, String businessPhone, String channelId,
      String channelAccountId, String pipeline, String newLeadStage, String ownerId) {
    public boolean hasInbox() {
      return channelId != null && !channelId.isBlank() && channelAccountId != null && !channelAccountId.isBlank();
    }
  }
}
