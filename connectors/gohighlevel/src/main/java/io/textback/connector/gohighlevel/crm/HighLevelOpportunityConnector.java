package io.textback.connector.gohighlevel.crm;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.gohighlevel.crm.HighLevelLocations.Location;
import io.textback.connector.gohighlevel.crm.model.HighLevelOpportunityRequest;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import java.util.Map;
import java.util.Optional;

/** Opens the lead's opportunity in the business's pipeline, at its new-lead stage, for its owner. */
@OutboundConnector(name = "textback GoHighLevel opportunity", type = HighLevelOpportunityConnector.TYPE,
    inputVariables = {"businessId", "contactId", "name", "key", "pipelineId", "stageId", "ownerUserId", "leadKey"})
@ElementTemplate(id = "io.textback.gohighlevel-opportunity.v1", name = "textback: open the opportunity in GoHighLevel",
    version = 1, description = "Creates an open opportunity for the lead's contact.",
    inputDataClass = HighLevelOpportunityRequest.class, engineVersion = "^8.8",
    defaultResultVariable = "highLevelOpportunity", icon = "gohighlevel.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "opportunity", label = "Opportunity")})
public class HighLevelOpportunityConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:gohighlevel-opportunity:1";
  private final HighLevelLocations locations;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HighLevelOpportunityConnector(HighLevelLocations locations, CrmLedger ledger, CrmStepRetries retries) {
    this.locations = locations;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> create(context.bindVariables(HighLevelOpportunityRequest.class)));
  }

  public Map<String, Object> create(HighLevelOpportunityRequest r) {
    Optional<Location> found = locations.forBusiness(r.businessId());
    if (found.isEmpty() || HighLevelContactConnector.blank(r.contactId())) {
      return Map.of("skipped", true);
    }
    Location location = found.get();
    String pipeline = firstOf(r.pipelineId(), location.pipelineId());
    String stage = firstOf(r.stageId(), location.newLeadStageId());
    if (pipeline == null) {
      return Map.of("skipped", true, "reason", "no pipeline set for " + r.businessId());
    }
    String id = ledger.once(r.businessId(), r.key() + ":opportunity", () -> location.client()
        .createOpportunity(pipeline, stage, r.name(), r.contactId(), firstOf(r.ownerUserId(), location.ownerUserId())));
    if (!HighLevelContactConnector.blank(r.leadKey())) {
      ledger.rememberDeal(r.businessId(), id, r.leadKey());
    }
    return Map.of("opportunityId", id, "skipped", false);
  }

  static String firstOf(String a, String b) {
    return !HighLevelContactConnector.blank(a) ? a : !HighLevelContactConnector.blank(b) ? b : null;
  }
}
