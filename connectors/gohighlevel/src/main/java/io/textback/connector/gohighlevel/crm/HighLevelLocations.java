package io.textback.connector.gohighlevel.crm;

import io.textback.connector.gohighlevel.api.HighLevelClient;
import java.util.Optional;

/** Which HighLevel location a business writes to, and how; empty when the business is not on HighLevel. */
public interface HighLevelLocations {
  Optional<Location> forBusiness(String businessId);

  /**
   * @param conversationProviderId the marketplace app's SMS conversation provider: texts go into the
   *     contact's conversation; null (a Private Integration token) puts them on the contact as notes
   * @param callProviderId a Call conversation provider, if the app has one: calls go into the
   *     conversation; else the call is a note on the contact
   */
  record Location(HighLevelClient client, String businessName, String businessPhone, String conversationProviderId,
      String callProviderId, String pipelineId, String newLeadStageId, String ownerUserId) {
    public boolean hasInbox() {
      return conversationProviderId != null && !conversationProviderId.isBlank();
    }

    public boolean logsCalls() {
      return callProviderId != null && !callProviderId.isBlank();
    }
  }
}
