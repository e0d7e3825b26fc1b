package io.textback.worker.crm.hubspot;

import io.textback.connector.hubspot.api.HubSpotClient;
import io.textback.connector.hubspot.api.HubSpotClientFactory;
import io.textback.connector.hubspot.api.HubSpotSettings;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.worker.TextbackProperties;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.business.BusinessSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Each business's HubSpot portal from configuration; one client (and one set of limits) per token. */
@Component
public class ConfiguredHubSpotPortals implements HubSpotPortals {
  private final BusinessDirectory businesses;
  private final HubSpotSettings settings;
  private final Map<String, HubSpotClient> clientsByToken = new ConcurrentHashMap<>();

  public ConfiguredHubSpotPortals(BusinessDirectory businesses, TextbackProperties properties) {
    this.businesses = businesses;
    TextbackProperties.HubSpot h = properties.hubspot();
    this.settings = new HubSpotSettings(h.baseUrl(), h.requestsPer10Seconds(), h.searchesPerSecond(),
        h.maxAttempts(), h.initialBackoff(), Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  @Override
  public Optional<Portal> forBusiness(String businessId) {
    return businesses.byId(businessId).filter(b -> b.hubspot() != null && b.hubspot().enabled()).map(this::portal);
  }

  private Portal portal(Business business) {
    BusinessSettings.HubSpot h = business.hubspot();
    // Limits are per portal, so businesses sharing a portal (same token) share one client.
    HubSpotClient client = clientsByToken.computeIfAbsent(h.accessToken(),
        token -> HubSpotClientFactory.forPortal(h.portalId() == null ? business.id() : h.portalId(), token, settings));
    return new Portal(client, business.name(), business.twilioNumber(), h.channelId(), h.channelAccountId(),
        h.pipeline(), h.newLeadStage(), h.ownerId());
  }

  /** The client of this business's portal, for setup calls outside a journey. */
  public Optional<HubSpotClient> clientFor(String businessId) {
    return forBusiness(businessId).map(Portal::client);
  }

  public HubSpotSettings settings() {
    return settings;
  }

  /** Every HubSpot call made so far, over all portals (tests and the benchmark count them). */
  public long callCount() {
    return clientsByToken.values().stream().mapToLong(HubSpotClient::callCount).sum();
  }
}
