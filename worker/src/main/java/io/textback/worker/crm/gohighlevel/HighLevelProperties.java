package io.textback.worker.crm.gohighlevel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HighLevel's settings, read by the adapter itself from {@code textback.gohighlevel.*} (every
 * location) and each {@code textback.businesses[n].gohighlevel.*} (that business's location).
 */
@ConfigurationProperties("textback")
public record HighLevelProperties(@DefaultValue Global gohighlevel, List<Business> businesses) {
  public HighLevelProperties {
    businesses = businesses == null ? List.of() : List.copyOf(businesses);
  }

  /** The HighLevel settings of the business with this id, if it has any. */
  public Optional<Location> of(String businessId) {
    return businesses.stream().filter(b -> businessId != null && businessId.equals(b.id()) && b.gohighlevel() != null)
        .map(Business::gohighlevel).findFirst();
  }

  /**
   * For every location.
   *
   * @param requestsPer10Seconds HighLevel's burst limit per location (100)
   * @param requestsPerDay HighLevel's daily limit per location (200,000)
   * @param clientId the marketplace app's client id (OAuth install, conversation provider, webhooks)
   * @param clientSecret the marketplace app's client secret (from a secret, never logged)
   * @param webhookPublicKey HighLevel's Ed25519 key for x-ghl-signature (SPKI, base64 or PEM); see README
   * @param legacyWebhookPublicKey the RSA key for x-wh-signature; not set: the key HighLevel publishes
   * @param marketplaceUrl where an admin chooses the location to install the app on
   */
  public record Global(
      @DefaultValue("https://services.leadconnectorhq.com") String baseUrl,
      @DefaultValue("100") int requestsPer10Seconds,
      @DefaultValue("200000") int requestsPerDay,
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("1s") Duration initialBackoff,
      @DefaultValue("3s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout,
      String clientId,
      String clientSecret,
      String webhookPublicKey,
      String legacyWebhookPublicKey,
      @DefaultValue("https://marketplace.gohighlevel.com") String marketplaceUrl) {
    @Override
    public String toString() {
      return "GoHighLevel[baseUrl=" + baseUrl + ", clientId=" + clientId + "]";
    }
  }

  /** One {@code textback.businesses[n]} entry, as far as HighLevel is concerned. */
  public record Business(String id, Location gohighlevel) {}

  /**
   * A business's HighLevel location.
   *
   * @param privateIntegrationToken the sub-account's Private Integration token: the CRM records without
   *     the inbox thread (texts and calls become notes); without one, the marketplace app's install
   * @param conversationProviderId the app's SMS conversation provider: texts go into the conversation
   * @param callProviderId the app's Call provider, if it has one: calls go into the conversation
   * @param bookedStageId an opportunity reaching this stage ends the lead's conversation as Booked
   */
  public record Location(String locationId, String privateIntegrationToken, String conversationProviderId,
      String callProviderId, String pipelineId, String newLeadStageId, String bookedStageId, String ownerUserId) {
    public boolean hasToken() {
      return privateIntegrationToken != null && !privateIntegrationToken.isBlank();
    }

    @Override
    public String toString() {
      return "Location[locationId=" + locationId + ", conversationProviderId=" + conversationProviderId + "]";
    }
  }
}
