package io.textback.worker.crm.hubspot;

import io.textback.connector.hubspot.api.HubSpotClient;
import io.textback.connector.hubspot.api.HubSpotClientFactory;
import io.textback.connector.hubspot.api.HubSpotSettings;
import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.crm.CrmKind;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Each business's HubSpot portal from configuration; one client (and one set of limits) per token. */
@Component
public class ConfiguredHubSpotPortals implements HubSpotPortals {
  private final BusinessDirectory businesses;
  private final HubSpotProperties properties;
  private final HubSpotSettings settings;
  private final io.textback.crm.RequestBudget budget;
  private final Map<String, HubSpotClient> clientsByToken = new ConcurrentHashMap<>();

  public ConfiguredHubSpotPortals(BusinessDirectory businesses, HubSpotProperties properties,
      io.textback.crm.RequestBudget budget) {
    this.businesses = businesses;
    this.properties = properties;
    this.budget = budget;
    HubSpotProperties.Global h = properties.hubspot();
    this.settings = new HubSpotSettings(h.baseUrl(), h.requestsPer10Seconds(), h.searchesPerSecond(),
        h.maxAttempts(), h.initialBackoff(), Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  @Override
  public Optional<Portal> forBusiness(String businessId) {
    return businesses.byId(businessId).flatMap(b -> settingsOf(b).filter(HubSpotProperties.Portal::enabled)
        .map(h -> portal(b, h)));
  }

  /** The portal settings of a business on HubSpot (its crm), whether or not its token is set. */
  public Optional<HubSpotProperties.Portal> settingsOf(Business business) {
    return CrmKind.HUBSPOT.id().equals(business.crm()) ? properties.of(business.id()) : Optional.empty();
  }

  private Portal portal(Business business, HubSpotProperties.Portal h) {
    // Limits are per portal, so businesses sharing a portal (same token) share one client.
    HubSpotClient client = clientsByToken.computeIfAbsent(h.accessToken(),
        token -> HubSpotClientFactory.forPortal(h.portalId() == null ? business.id() : h.portalId(), token, settings, budget));
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
