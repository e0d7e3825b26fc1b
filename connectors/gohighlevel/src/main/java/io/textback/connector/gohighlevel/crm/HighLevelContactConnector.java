package io.textback.connector.gohighlevel.crm;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.gohighlevel.api.HighLevelModel.Contact;
import io.textback.connector.gohighlevel.crm.HighLevelLocations.Location;
import io.textback.connector.gohighlevel.crm.model.HighLevelContactRequest;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the lead's contact by phone (HighLevel's duplicate search, by the location's own duplicate
 * rule) or creates it (upsert). The ledger answers a known phone without HighLevel, and writes a new
 * one under a lock, so two events for one new phone make one contact.
 */
@OutboundConnector(name = "textback GoHighLevel contact", type = HighLevelContactConnector.TYPE,
    inputVariables = {"businessId", "phone", "firstName", "lastName", "email", "source"})
@ElementTemplate(id = "io.textback.gohighlevel-contact.v1", name = "textback: GoHighLevel contact", version = 1,
    description = "Finds the lead's contact in the HighLevel location by phone, or creates it.",
    inputDataClass = HighLevelContactRequest.class, engineVersion = "^8.8", defaultResultVariable = "highLevelContact",
    icon = "gohighlevel.svg", propertyGroups = {@ElementTemplate.PropertyGroup(id = "lead", label = "Lead")})
public class HighLevelContactConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:gohighlevel-contact:1";
  private final HighLevelLocations locations;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HighLevelContactConnector(HighLevelLocations locations, CrmLedger ledger, CrmStepRetries retries) {
    this.locations = locations;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> upsert(context.bindVariables(HighLevelContactRequest.class)));
  }

  public Map<String, Object> upsert(HighLevelContactRequest r) {
    Optional<Location> found = locations.forBusiness(r.businessId());
    if (found.isEmpty()) {
      return Map.of("skipped", true);
    }
    Location location = found.get();
    if (r.phone() == null && blank(r.email())) {
      throw new ConnectorException("GOHIGHLEVEL_NO_CONTACT_KEY", "a contact needs a phone or an email");
    }
    if (r.phone() == null) {
      String id = ledger.once(r.businessId(), "contact-email:" + r.email().toLowerCase(),
          () -> location.client().upsertContact(null, r.firstName(), r.lastName(), r.email(), r.source()));
      return Map.of("contactId", id, "skipped", false);
    }
    Optional<String> cached = ledger.cachedContact(r.businessId(), r.phone());
    if (cached.isPresent()) {
      updateWithWhatTheLeadTold(location, r);
      return Map.of("contactId", cached.get(), "skipped", false);
    }
    boolean[] created = {false};
    String id = ledger.once(r.businessId(), "contact:" + r.phone(), () -> location.client().findContactByPhone(r.phone())
        .map(Contact::id)
        .orElseGet(() -> {
          created[0] = true;
          return location.client().upsertContact(r.phone(), r.firstName(), r.lastName(), r.email(), r.source());
        }));
    if (!created[0]) {
      updateWithWhatTheLeadTold(location, r);
    }
    return Map.of("contactId", id, "skipped", false);
  }

  /** A known contact gets the name and email a form gave; a missed call tells nothing new: no call. */
  private static void updateWithWhatTheLeadTold(Location location, HighLevelContactRequest r) {
    if (!blank(r.firstName()) || !blank(r.lastName()) || !blank(r.email())) {
      // the source is left as the contact has it
      location.client().upsertContact(r.phone(), r.firstName(), r.lastName(), r.email(), null);
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
