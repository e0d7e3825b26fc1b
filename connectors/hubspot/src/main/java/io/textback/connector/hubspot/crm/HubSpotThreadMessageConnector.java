package io.textback.connector.hubspot.crm;

import io.textback.crm.CrmStepRetries;
import io.textback.crm.CrmLedger;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.hubspot.api.HubSpotModel.ChannelMessage;
import io.textback.connector.hubspot.api.HubSpotModel.Party;
import io.textback.connector.hubspot.crm.HubSpotPortals.Portal;
import io.textback.connector.hubspot.crm.model.HubSpotThreadMessageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a text in the lead's HubSpot inbox thread (custom channel), with the Twilio MessageSid as
 * HubSpot's idempotency id. Portals without custom channels get the text on the contact's timeline
 * as an SMS communication instead.
 */
@OutboundConnector(name = "textback HubSpot thread message", type = HubSpotThreadMessageConnector.TYPE,
    inputVariables = {"businessId", "contactId", "leadPhone", "direction", "text", "messageSid", "at"})
@ElementTemplate(id = "io.textback.hubspot-thread-message.v1", name = "textback: show the text in HubSpot", version = 1,
    description = "Publishes an SMS into the lead's inbox thread in HubSpot.", inputDataClass = HubSpotThreadMessageRequest.class,
    engineVersion = "^8.8", defaultResultVariable = "hubspotMessage", icon = "hubspot.svg",
    propertyGroups = {@ElementTemplate.PropertyGroup(id = "message", label = "Message")})
public class HubSpotThreadMessageConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:hubspot-thread-message:1";
  private final HubSpotPortals portals;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HubSpotThreadMessageConnector(HubSpotPortals portals, CrmLedger ledger, CrmStepRetries retries) {
    this.portals = portals;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> show(context.bindVariables(HubSpotThreadMessageRequest.class)));
  }

  public Map<String, Object> show(HubSpotThreadMessageRequest r) {
    Optional<Portal> found = portals.forBusiness(r.businessId());
    if (found.isEmpty()) {
      return Map.of("skipped", true);
    }
    Portal portal = found.get();
    boolean incoming = "INCOMING".equals(r.direction());
    Party lead = Party.phone(r.leadPhone(), null);
    Party business = Party.phone(portal.businessPhone(), portal.businessName());
    String at = r.at() == null ? Instant.now().toString() : r.at();
    if (portal.hasInbox()) {
      var published = portal.client().publish(portal.channelId(), new ChannelMessage(portal.channelAccountId(),
          r.direction(), List.of(incoming ? lead : business), List.of(incoming ? business : lead), r.text(), at,
          List.of(), null, r.messageSid(), ChannelMessage.contactId(r.contactId())));
      return Map.of("threadId", String.valueOf(published.conversationsThreadId()), "messageId",
          String.valueOf(published.id()), "skipped", false);
    }
    if (r.contactId() == null || r.contactId().isBlank()) {
      return Map.of("skipped", true);
    }
    String id = ledger.once(r.businessId(), r.messageSid() + ":communication", () -> portal.client().createCommunication(
        Map.of("hs_communication_channel_type", "SMS", "hs_communication_logged_from", "CRM",
            "hs_communication_body", (incoming ? "From the lead: " : "To the lead: ") + r.text(), "hs_timestamp", at),
        r.contactId()));
    return Map.of("communicationId", id, "skipped", false);
  }
}
