package io.textback.connector.gohighlevel.crm;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.gohighlevel.api.HighLevelModel.Contact;
import io.textback.connector.gohighlevel.crm.HighLevelLocations.Location;
import io.textback.connector.gohighlevel.crm.model.HighLevelDoNotDisturbRequest;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import java.util.Map;
import java.util.Optional;

/**
 * Sets the contact's SMS do-not-disturb in HighLevel as the lead asked textback (STOP on, START off),
 * so that HighLevel's own workflows and bulk texts do not text a lead who said stop. Setting it twice
 * is harmless, so a retried job needs no ledger.
 */
@OutboundConnector(name = "textback GoHighLevel do-not-disturb", type = HighLevelDoNotDisturbConnector.TYPE,
    inputVariables = {"businessId", "leadPhone", "doNotDisturb", "reason"})
@ElementTemplate(id = "io.textback.gohighlevel-dnd.v1", name = "textback: set SMS do-not-disturb in GoHighLevel",
    version = 1, description = "Turns the contact's SMS do-not-disturb on or off in HighLevel.",
    inputDataClass = HighLevelDoNotDisturbRequest.class, engineVersion = "^8.8", defaultResultVariable = "highLevelDnd",
    icon = "gohighlevel.svg", propertyGroups = {@ElementTemplate.PropertyGroup(id = "consent", label = "Consent")})
public class HighLevelDoNotDisturbConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:gohighlevel-dnd:1";
  private final HighLevelLocations locations;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HighLevelDoNotDisturbConnector(HighLevelLocations locations, CrmLedger ledger, CrmStepRetries retries) {
    this.locations = locations;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> set(context.bindVariables(HighLevelDoNotDisturbRequest.class)));
  }

  public Map<String, Object> set(HighLevelDoNotDisturbRequest r) {
    Optional<Location> found = locations.forBusiness(r.businessId());
    if (found.isEmpty()) {
      return Map.of("skipped", true);
    }
    Location location = found.get();
    Optional<String> contact = ledger.cachedContact(r.businessId(), r.leadPhone())
        .or(() -> location.client().findContactByPhone(r.leadPhone()).map(Contact::id));
    if (contact.isEmpty()) {
      return Map.of("skipped", true, "reason", "no HighLevel contact has this number");
    }
    String why = r.reason() != null && !r.reason().isBlank() ? r.reason()
        : (r.doNotDisturb() ? "STOP" : "START") + " by text, through textback";
    location.client().setSmsDoNotDisturb(contact.get(), r.doNotDisturb(), why);
    return Map.of("contactId", contact.get(), "doNotDisturb", r.doNotDisturb(), "skipped", false);
  }
}
