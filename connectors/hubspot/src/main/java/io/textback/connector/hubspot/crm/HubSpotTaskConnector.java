package io.textback.connector.hubspot.crm;

import io.textback.crm.CrmStepRetries;
import io.textback.crm.CrmLedger;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.hubspot.crm.model.HubSpotTaskRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Creates a task on the contact for the business's owner: call back a voicemail, answer an escalated lead. */
@OutboundConnector(name = "textback HubSpot task", type = HubSpotTaskConnector.TYPE,
    inputVariables = {"businessId", "contactId", "subject", "body", "key", "dueAt", "priority", "ownerId", "leadPhone"})
@ElementTemplate(id = "io.textback.hubspot-task.v1", name = "textback: create a HubSpot task", version = 1,
    description = "Creates a task for the owner, associated to the contact.", inputDataClass = HubSpotTaskRequest.class,
    engineVersion = "^8.8", defaultResultVariable = "hubspotTask", icon = "hubspot.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "task", label = "Task")})
public class HubSpotTaskConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:hubspot-task:1";
  private final HubSpotPortals portals;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HubSpotTaskConnector(HubSpotPortals portals, CrmLedger ledger, CrmStepRetries retries) {
    this.portals = portals;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> create(context.bindVariables(HubSpotTaskRequest.class)));
  }

  public Map<String, Object> create(HubSpotTaskRequest r) {
    Optional<HubSpotPortals.Portal> found = portals.forBusiness(r.businessId());
    String contactId = r.contactId() != null && !r.contactId().isBlank() ? r.contactId()
        : r.leadPhone() == null ? null : ledger.cachedContact(r.businessId(), r.leadPhone()).orElse(null);
    if (found.isEmpty() || contactId == null) {
      return Map.of("skipped", true);
    }
    HubSpotPortals.Portal portal = found.get();
    Map<String, String> p = new HashMap<>();
    p.put("hs_task_subject", r.subject());
    p.put("hs_task_body", r.body() == null ? "" : r.body());
    p.put("hs_task_status", "NOT_STARTED");
    p.put("hs_task_priority", r.priority() == null || r.priority().isBlank() ? "HIGH" : r.priority());
    p.put("hs_task_type", "CALL");
    p.put("hs_timestamp", r.dueAt() == null || r.dueAt().isBlank() ? Instant.now().toString() : r.dueAt());
    String owner = HubSpotDealConnector.firstOf(r.ownerId(), portal.ownerId(), null);
    if (owner != null) {
      p.put("hubspot_owner_id", owner);
    }
    String id = ledger.once(r.businessId(), r.key() + ":task", () -> portal.client().createTask(p, contactId));
    return Map.of("taskId", id, "skipped", false);
  }
}
