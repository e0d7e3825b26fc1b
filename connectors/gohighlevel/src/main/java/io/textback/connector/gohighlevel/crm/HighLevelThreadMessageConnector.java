package io.textback.connector.gohighlevel.crm;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.gohighlevel.crm.HighLevelLocations.Location;
import io.textback.connector.gohighlevel.crm.model.HighLevelThreadMessageRequest;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a text in the contact's HighLevel conversation through the location's conversation provider
 * (textback as its SMS provider): the lead's texts inbound, textback's outbound, each once per
 * MessageSid. A location on a Private Integration token (no provider) gets the text as a note.
 */
@OutboundConnector(name = "textback GoHighLevel thread message", type = HighLevelThreadMessageConnector.TYPE,
    inputVariables = {"businessId", "contactId", "leadPhone", "direction", "text", "messageSid", "at"})
@ElementTemplate(id = "io.textback.gohighlevel-thread-message.v1", name = "textback: show the text in GoHighLevel",
    version = 1, description = "Adds an SMS to the lead's conversation in HighLevel.",
    inputDataClass = HighLevelThreadMessageRequest.class, engineVersion = "^8.8",
    defaultResultVariable = "highLevelMessage", icon = "gohighlevel.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "message", label = "Message")})
public class HighLevelThreadMessageConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:gohighlevel-thread-message:1";
  private final HighLevelLocations locations;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HighLevelThreadMessageConnector(HighLevelLocations locations, CrmLedger ledger, CrmStepRetries retries) {
    this.locations = locations;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> show(context.bindVariables(HighLevelThreadMessageRequest.class)));
  }

  public Map<String, Object> show(HighLevelThreadMessageRequest r) {
    Optional<Location> found = locations.forBusiness(r.businessId());
    String contactId = !HighLevelContactConnector.blank(r.contactId()) ? r.contactId()
        : ledger.cachedContact(r.businessId(), r.leadPhone()).orElse(null);
    if (found.isEmpty() || contactId == null) {
      return Map.of("skipped", true);
    }
    Location location = found.get();
    boolean incoming = "INCOMING".equals(r.direction());
    String at = r.at() == null ? Instant.now().toString() : r.at();
    if (location.hasInbox()) {
      String conversation = conversation(ledger, location, r.businessId(), contactId);
      String id = ledger.once(r.businessId(), r.messageSid() + ":message", () -> location.client().addText(conversation,
          contactId, location.conversationProviderId(), r.text(), incoming ? "inbound" : "outbound", at, r.messageSid()));
      return Map.of("conversationId", conversation, "messageId", id, "skipped", false);
    }
    String id = ledger.once(r.businessId(), r.messageSid() + ":note", () -> location.client().addNote(contactId,
        (incoming ? "Text from the lead: " : "Text to the lead: ") + r.text(), location.ownerUserId()));
    return Map.of("noteId", id, "skipped", false);
  }

  /** The contact's one conversation, found or created once (the ledger remembers it). */
  static String conversation(CrmLedger ledger, Location location, String businessId, String contactId) {
    return ledger.once(businessId, "conversation:" + contactId, () -> location.client().conversationOf(contactId));
  }
}
