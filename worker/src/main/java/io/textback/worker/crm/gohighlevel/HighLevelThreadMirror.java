package io.textback.worker.crm.gohighlevel;

import io.textback.connector.gohighlevel.crm.HighLevelLocations;
import io.textback.crm.CrmKind;
import io.textback.worker.crm.MessageStartedThreadMirror;
import io.textback.worker.inbound.InboundEventStore;
import io.textback.worker.inbound.MessageRelay;
import org.springframework.stereotype.Component;

/**
 * Texts shown in the lead's HighLevel conversation by show-text-in-gohighlevel.bpmn (messages
 * sms-received-gohighlevel and sms-sent-gohighlevel), and the lead's STOP and START as the contact's
 * SMS do-not-disturb. Replies typed in HighLevel's inbox are not queued: HighLevel has them.
 */
@Component
public class HighLevelThreadMirror extends MessageStartedThreadMirror {
  public HighLevelThreadMirror(HighLevelLocations locations, InboundEventStore events, MessageRelay relay) {
    super(CrmKind.GOHIGHLEVEL, "sms-received-gohighlevel", "sms-sent-gohighlevel",
        businessId -> locations.forBusiness(businessId).isPresent(), events, relay);
  }

  /** The contact's SMS do-not-disturb follows the lead's STOP and START (sms-consent-in-gohighlevel.bpmn). */
  @Override
  public void consentChanged(String businessId, String leadPhone, boolean optedOut, String messageSid, java.time.Instant at) {
    queue("sms-consent-gohighlevel", businessId, messageSid, java.util.Map.of("businessId", businessId, "leadPhone", leadPhone,
        "doNotDisturb", optedOut, "messageSid", messageSid, "at", at.toString()));
  }
}
