package io.textback.connector.hubspot.crm;

import io.textback.crm.CrmStepRetries;
import io.textback.crm.CrmLedger;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.hubspot.crm.model.HubSpotContactRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the lead's contact by phone or creates it. The phone → contact id cache answers most calls
 * without HubSpot; a new phone is searched and created under a lock, so two events for the same new
 * phone create one contact (HubSpot's search index lags behind its writes).
 */
@OutboundConnector(name = "textback HubSpot contact", type = HubSpotContactConnector.TYPE,
    inputVariables = {"businessId", "phone", "firstName", "lastName", "email", "source"})
@ElementTemplate(id = "io.textback.hubspot-contact.v1", name = "textback: HubSpot contact", version = 1,
    description = "Finds the lead's HubSpot contact by phone, or creates it.", inputDataClass = HubSpotContactRequest.class,
    engineVersion = "^8.8", defaultResultVariable = "hubspotContact", icon = "hubspot.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "lead", label = "Lead")})
public class HubSpotContactConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:hubspot-contact:1";
  private final HubSpotPortals portals;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HubSpotContactConnector(HubSpotPortals portals, CrmLedger ledger, CrmStepRetries retries) {
    this.portals = portals;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> upsert(context.bindVariables(HubSpotContactRequest.class)));
  }

  public Map<String, Object> upsert(HubSpotContactRequest r) {
    Optional<HubSpotPortals.Portal> portal = portals.forBusiness(r.businessId());
    if (portal.isEmpty()) {
      return Map.of("skipped", true);
    }
    if (r.phone() == null && (r.email() == null || r.email().isBlank())) {
      throw new ConnectorException("HUBSPOT_NO_CONTACT_KEY", "a contact needs a phone or an email");
    }
    if (r.phone() == null) {
      // email is unique in HubSpot: a create that finds it taken answers 409 with the existing id
      String id = ledger.once(r.businessId(), "contact-email:" + r.email().toLowerCase(),
          () -> portal.get().client().createContact(properties(r)));
      return Map.of("contactId", id, "skipped", false);
    }
    Optional<String> cached = ledger.cachedContact(r.businessId(), r.phone());
    if (cached.isPresent()) {
      updateWithWhatTheLeadTold(portal.get(), cached.get(), r);
      return Map.of("contactId", cached.get(), "skipped", false);
    }
    boolean[] created = {false};
    String id = ledger.once(r.businessId(), "contact:" + r.phone(), () -> portal.get().client()
        .findContactIdByPhone(nationalNumber(r.phone()))
        .orElseGet(() -> {
          created[0] = true;
          return portal.get().client().createContact(properties(r));
        }));
    if (!created[0]) {
      updateWithWhatTheLeadTold(portal.get(), id, r);
    }
    return Map.of("contactId", id, "skipped", false);
  }

  /** A known contact gets the name and email a form gave (a missed call gives none: no call). */
  private static void updateWithWhatTheLeadTold(HubSpotPortals.Portal portal, String contactId, HubSpotContactRequest r) {
    Map<String, String> told = new HashMap<>();
    putIfPresent(told, "firstname", r.firstName());
    putIfPresent(told, "lastname", r.lastName());
    putIfPresent(told, "email", r.email());
    if (!told.isEmpty()) {
      portal.client().updateContact(contactId, told);
    }
  }

  private static Map<String, String> properties(HubSpotContactRequest r) {
    Map<String, String> p = new HashMap<>();
    putIfPresent(p, "phone", r.phone());
    p.put("lifecyclestage", "lead");
    putIfPresent(p, "firstname", r.firstName());
    putIfPresent(p, "lastname", r.lastName());
    putIfPresent(p, "email", r.email());
    putIfPresent(p, "hs_lead_status", "NEW");
    return p;
  }

  private static void putIfPresent(Map<String, String> p, String key, String value) {
    if (value != null && !value.isBlank()) {
      p.put(key, value);
    }
  }

  /** HubSpot's hs_searchable_calculated_* phone properties hold the number without the country code. */
  static String nationalNumber(String e164) {
    return e164.startsWith("+1") && e164.length() == 12 ? e164.substring(2) : e164.replaceFirst("^\\+", "");
  }
}
