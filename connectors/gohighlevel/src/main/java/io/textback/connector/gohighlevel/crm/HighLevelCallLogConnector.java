package io.textback.connector.gohighlevel.crm;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.gohighlevel.api.HighLevelModel.CallInfo;
import io.textback.connector.gohighlevel.crm.HighLevelLocations.Location;
import io.textback.connector.gohighlevel.crm.model.HighLevelCallLogRequest;
import io.textback.crm.CrmLedger;
import io.textback.crm.CrmStepRetries;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Logs the missed call (or the voicemail, with its recording) in the contact's conversation when the
 * location's app has a Call provider, else as a note on the contact. Once per call.
 */
@OutboundConnector(name = "textback GoHighLevel call log", type = HighLevelCallLogConnector.TYPE,
    inputVariables = {"businessId", "contactId", "callSid", "from", "to", "outcome", "recordingUrl", "at"})
@ElementTemplate(id = "io.textback.gohighlevel-call-log.v1", name = "textback: log the call in GoHighLevel", version = 1,
    description = "Logs a missed call or a voicemail on the lead's HighLevel contact.",
    inputDataClass = HighLevelCallLogRequest.class, engineVersion = "^8.8", defaultResultVariable = "highLevelCall",
    icon = "gohighlevel.svg", propertyGroups = {@ElementTemplate.PropertyGroup(id = "call", label = "Call")})
public class HighLevelCallLogConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:gohighlevel-call-log:1";
  private final HighLevelLocations locations;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HighLevelCallLogConnector(HighLevelLocations locations, CrmLedger ledger, CrmStepRetries retries) {
    this.locations = locations;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> log(context.bindVariables(HighLevelCallLogRequest.class)));
  }

  public Map<String, Object> log(HighLevelCallLogRequest r) {
    Optional<Location> found = locations.forBusiness(r.businessId());
    if (found.isEmpty() || HighLevelContactConnector.blank(r.contactId())) {
      return Map.of("skipped", true);
    }
    Location location = found.get();
    boolean voicemail = "LEFT_VOICEMAIL".equals(r.outcome());
    String at = r.at() == null ? Instant.now().toString() : r.at();
    if (location.logsCalls()) {
      String conversation = HighLevelThreadMessageConnector.conversation(ledger, location, r.businessId(), r.contactId());
      String id = ledger.once(r.businessId(), r.callSid() + ":call-log", () -> location.client().addCall(conversation,
          r.contactId(), location.callProviderId(), new CallInfo(r.to(), r.from(), voicemail ? "voicemail" : "no-answer"), at, r.callSid()));
      return Map.of("messageId", id, "skipped", false);
    }
    String note = voicemail
        ? "Voicemail from " + r.from() + (HighLevelContactConnector.blank(r.recordingUrl()) ? "" : ": " + r.recordingUrl())
            + ". textback opened a call-back task."
        : "Missed call from " + r.from() + " at " + at + ". Nobody answered; textback texted the caller back.";
    String id = ledger.once(r.businessId(), r.callSid() + ":call-log",
        () -> location.client().addNote(r.contactId(), note, location.ownerUserId()));
    return Map.of("noteId", id, "skipped", false);
  }
}
