package io.textback.connector.hubspot.crm;

import io.textback.crm.CrmStepRetries;
import io.textback.crm.CrmLedger;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.hubspot.crm.model.HubSpotDealRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Creates the lead's deal in the business's pipeline, at its new-lead stage, for its owner. */
@OutboundConnector(name = "textback HubSpot deal", type = HubSpotDealConnector.TYPE,
    inputVariables = {"businessId", "contactId", "dealName", "key", "pipeline", "stage", "ownerId", "leadKey"})
@ElementTemplate(id = "io.textback.hubspot-deal.v1", name = "textback: create the deal in HubSpot", version = 1,
    description = "Creates a deal for the lead, associated to the contact.", inputDataClass = HubSpotDealRequest.class,
    engineVersion = "^8.8", defaultResultVariable = "hubspotDeal", icon = "hubspot.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "deal", label = "Deal")})
public class HubSpotDealConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:hubspot-deal:1";
  private final HubSpotPortals portals;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HubSpotDealConnector(HubSpotPortals portals, CrmLedger ledger, CrmStepRetries retries) {
    this.portals = portals;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> create(context.bindVariables(HubSpotDealRequest.class)));
  }

  public Map<String, Object> create(HubSpotDealRequest r) {
    Optional<HubSpotPortals.Portal> found = portals.forBusiness(r.businessId());
    if (found.isEmpty() || r.contactId() == null || r.contactId().isBlank()) {
      return Map.of("skipped", true);
    }
    HubSpotPortals.Portal portal = found.get();
    Map<String, String> p = new HashMap<>();
    p.put("dealname", r.dealName());
    p.put("pipeline", firstOf(r.pipeline(), portal.pipeline(), "default"));
    p.put("dealstage", firstOf(r.stage(), portal.newLeadStage(), "appointmentscheduled"));
    String owner = firstOf(r.ownerId(), portal.ownerId(), null);
    if (owner != null) {
      p.put("hubspot_owner_id", owner);
    }
    String id = ledger.once(r.businessId(), r.key() + ":deal", () -> portal.client().createDeal(p, r.contactId()));
    if (r.leadKey() != null && !r.leadKey().isBlank()) {
      ledger.rememberDeal(r.businessId(), id, r.leadKey());
    }
    return Map.of("dealId", id, "skipped", false);
  }

  static String firstOf(String a, String b, String fallback) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : fallback;
  }
}
