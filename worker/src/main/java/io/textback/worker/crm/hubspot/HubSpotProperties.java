package io.textback.worker.crm.hubspot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HubSpot's settings, read by the adapter itself from {@code textback.hubspot.*} (every portal) and
 * each {@code textback.businesses[n].hubspot.*} (that business's portal).
 */
@ConfigurationProperties("textback")
public record HubSpotProperties(@DefaultValue Global hubspot, List<Business> businesses) {
  public HubSpotProperties {
    businesses = businesses == null ? List.of() : List.copyOf(businesses);
  }

  /** The HubSpot settings of the business with this id, if it has any. */
  public Optional<Portal> of(String businessId) {
    return businesses.stream().filter(b -> businessId != null && businessId.equals(b.id()) && b.hubspot() != null)
        .map(Business::hubspot).findFirst();
  }

  /**
   * HubSpot, for every portal. {@code clientSecret} is the app's: it signs HubSpot's webhooks.
   * Limits are per portal and shared by every app in it: set them to the portal's tier.
   */
  public record Global(
      @DefaultValue("https://api.hubapi.com") String baseUrl,
      @DefaultValue("100") int requestsPer10Seconds,
      @DefaultValue("5") int searchesPerSecond,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("500ms") Duration initialBackoff,
      String clientSecret,
      String developerApiKey,
      String appId,
      @DefaultValue("textback SMS") String channelName,
      @DefaultValue("false") boolean connectChannelAtStart) {

    @Override
    public String toString() {
      return "HubSpot[baseUrl=" + baseUrl + "]";
    }
  }

  /** One {@code textback.businesses[n]} entry, as far as HubSpot is concerned. */
  public record Business(String id, Portal hubspot) {}

  /**
   * The business's HubSpot portal; without an access token nothing is written to HubSpot.
   *
   * @param accessToken the static-auth app's token for this portal (from a secret, never logged)
   * @param channelId the SMS custom channel; with {@code channelAccountId} texts show in the inbox,
   *     without them they are logged on the contact's timeline
   * @param bookedStage a deal reaching this stage ends the conversation as Booked
   */
  public record Portal(String accessToken, String portalId, String channelId, String channelAccountId,
      @DefaultValue("default") String pipeline, @DefaultValue("appointmentscheduled") String newLeadStage,
      @DefaultValue("closedwon") String bookedStage, String ownerId, String inboxId) {
    public boolean enabled() {
      return accessToken != null && !accessToken.isBlank();
    }

    @Override
    public String toString() {
      return "HubSpot[portalId=" + portalId + ", channelId=" + channelId + "]";
    }
  }
}
