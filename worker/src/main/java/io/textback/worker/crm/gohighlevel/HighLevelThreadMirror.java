package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.crm.HighLevelLocations;
import io.textback.crm.CrmKind;
import io.textback.worker.crm.MessageStartedThreadMirror;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import org.springframework.stereotype.Component;

/**
 * Texts shown in the lead's HighLevel conversation by show-text-in-gohighlevel.bpmn (messages
 * sms-received-gohighlevel and sms-sent-gohighlevel). Replies typed in HighLevel's inbox are not
 * queued: HighLevel has them.
 */
@Component
public class HighLevelThreadMirror extends MessageStartedThreadMirror {
  public HighLevelThreadMirror(HighLevelLocations locations, InboundEventStore events, MessageRelay relay) {
    super(CrmKind.GOHIGHLEVEL, "sms-received-gohighlevel", "sms-sent-gohighlevel",
        businessId -> locations.forBusiness(businessId).isPresent(), events, relay);
  }
}
