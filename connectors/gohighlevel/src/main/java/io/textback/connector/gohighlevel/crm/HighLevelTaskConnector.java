package io.textback.connector.gohighlevel.crm;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.gohighlevel.crm.HighLevelLocations.Location;
import io.textback.connector.gohighlevel.crm.model.HighLevelTaskRequest;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A task on the lead's contact for the business's owner: call back a voicemail, answer an escalated lead. */
@OutboundConnector(name = "textback GoHighLevel task", type = HighLevelTaskConnector.TYPE,
    inputVariables = {"businessId", "contactId", "subject", "body", "key", "dueAt", "priority", "ownerUserId", "leadPhone"})
@ElementTemplate(id = "io.textback.gohighlevel-task.v1", name = "textback: create a GoHighLevel task", version = 1,
    description = "Creates a task on the lead's HighLevel contact.", inputDataClass = HighLevelTaskRequest.class,
    engineVersion = "^8.8", defaultResultVariable = "highLevelTask", icon = "gohighlevel.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "task", label = "Task")})
public class HighLevelTaskConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:gohighlevel-task:1";
  private final HighLevelLocations locations;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HighLevelTaskConnector(HighLevelLocations locations, CrmLedger ledger, CrmStepRetries retries) {
    this.locations = locations;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> create(context.bindVariables(HighLevelTaskRequest.class)));
  }

  public Map<String, Object> create(HighLevelTaskRequest r) {
    Optional<Location> found = locations.forBusiness(r.businessId());
    String contactId = !HighLevelContactConnector.blank(r.contactId()) ? r.contactId()
        : r.leadPhone() == null ? null : ledger.cachedContact(r.businessId(), r.leadPhone()).orElse(null);
    if (found.isEmpty() || contactId == null) {
      return Map.of("skipped", true);
    }
    Location location = found.get();
    String title = "HIGH".equals(r.priority()) ? "[Urgent] " + r.subject() : r.subject();
    String due = HighLevelContactConnector.blank(r.dueAt()) ? Instant.now().toString() : r.dueAt();
    String id = ledger.once(r.businessId(), r.key() + ":task", () -> location.client().addTask(contactId, title,
        r.body(), due, HighLevelOpportunityConnector.firstOf(r.ownerUserId(), location.ownerUserId())));
    return Map.of("taskId", id, "skipped", false);
  }
}
