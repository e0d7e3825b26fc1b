package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.api.HighLevelClient;
import io.textback.connector.gohighlevel.api.HighLevelClientFactory;
import io.textback.connector.gohighlevel.crm.HighLevelLocations;
import io.textback.crm.CrmKind;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Each HighLevel business's location from its settings; one client (and one set of limits) per
 * location, authorised by the location's Private Integration token or the app's stored location token.
 */
@Component
public class ConfiguredHighLevelLocations implements HighLevelLocations {
  private final BusinessDirectory businesses;
  private final HighLevelProperties properties;
  private final HighLevelTokens tokens;
  private final HighLevelApiSettings settings;
  private final Map<String, HighLevelClient> clientsByLocation = new ConcurrentHashMap<>();
  private final io.textback.crm.RequestBudget budget;

  public ConfiguredHighLevelLocations(BusinessDirectory businesses, HighLevelProperties properties,
      HighLevelTokens tokens, HighLevelApiSettings settings, io.textback.crm.RequestBudget budget) {
    this.budget = budget;
    this.businesses = businesses;
    this.properties = properties;
    this.tokens = tokens;
    this.settings = settings;
  }

  @Override
  public Optional<Location> forBusiness(String businessId) {
    Optional<Business> business = businesses.byId(businessId).filter(b -> CrmKind.GOHIGHLEVEL.id().equals(b.crm()));
    return business.flatMap(b -> properties.of(b.id()).map(l -> new Location(client(l), b.name(), b.twilioNumber(),
        l.conversationProviderId(), l.callProviderId(), l.pipelineId(), l.newLeadStageId(), l.ownerUserId())));
  }

  /** The settings of the business's location (the booked stage, the provider). */
  public Optional<HighLevelProperties.Location> settingsOf(String businessId) {
    return businesses.byId(businessId).filter(b -> CrmKind.GOHIGHLEVEL.id().equals(b.crm()))
        .flatMap(b -> properties.of(b.id()));
  }

  /** The business whose location this is. */
  public Optional<Business> byLocation(String locationId) {
    return businesses.all().stream().filter(b -> CrmKind.GOHIGHLEVEL.id().equals(b.crm()))
        .filter(b -> properties.of(b.id()).map(l -> l.locationId().equals(locationId)).orElse(false)).findFirst();
  }

  public HighLevelClient client(HighLevelProperties.Location location) {
    Supplier<String> token = location.hasToken() ? location::privateIntegrationToken
        : () -> tokens.accessToken(location.locationId());
    return clientsByLocation.computeIfAbsent(location.locationId(),
        id -> HighLevelClientFactory.forLocation(id, token, settings.settings(), budget));
  }

  /** Every HighLevel call made so far, over all locations (tests and the benchmark count them). */
  public long callCount() {
    return clientsByLocation.values().stream().mapToLong(HighLevelClient::callCount).sum();
  }
}
