package io.textback.worker.crm.hubspot;

import io.textback.connector.hubspot.crm.HubSpotPortals;
import io.textback.crm.CrmKind;
import io.textback.worker.crm.MessageStartedThreadMirror;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import org.springframework.stereotype.Component;

/**
 * Texts shown in the lead's HubSpot inbox thread by show-text-in-hubspot.bpmn (messages sms-received
 * and sms-sent). Only for businesses with HubSpot. The agent's own inbox replies are not queued:
 * HubSpot has them.
 */
@Component
public class HubSpotThreadMirror extends MessageStartedThreadMirror {
  public HubSpotThreadMirror(HubSpotPortals portals, InboundEventStore events, MessageRelay relay) {
    super(CrmKind.HUBSPOT, "sms-received", "sms-sent", businessId -> portals.forBusiness(businessId).isPresent(),
        events, relay);
  }
}
