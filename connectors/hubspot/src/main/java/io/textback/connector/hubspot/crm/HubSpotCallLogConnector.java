package io.textback.connector.hubspot.crm;

import io.textback.crm.CrmStepRetries;
import io.textback.crm.CrmLedger;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.textback.connector.hubspot.crm.model.HubSpotCallLogRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Logs the missed call on the contact: inbound, no answer or voicemail (with the recording link). */
@OutboundConnector(name = "textback HubSpot call log", type = HubSpotCallLogConnector.TYPE,
    inputVariables = {"businessId", "contactId", "callSid", "from", "to", "outcome", "recordingUrl", "at"})
@ElementTemplate(id = "io.textback.hubspot-call-log.v1", name = "textback: log the call in HubSpot", version = 1,
    description = "Logs a missed call (no answer, voicemail with its recording) on the contact.",
    inputDataClass = HubSpotCallLogRequest.class, engineVersion = "^8.8", defaultResultVariable = "hubspotCall",
    icon = "hubspot.svg", propertyGroups = {@ElementTemplate.PropertyGroup(id = "call", label = "Call")})
public class HubSpotCallLogConnector implements OutboundConnectorFunction {
  public static final String TYPE = "io.textback:hubspot-call-log:1";
  /** HubSpot's default call dispositions, the same GUIDs in every portal. */
  static final Map<String, String> DISPOSITIONS = Map.of(
      "NO_ANSWER", "73a0d17f-1163-4015-bdd5-ec830791da20",
      "LEFT_VOICEMAIL", "b2cf5968-551e-4856-9783-52b3da59a7d0",
      "BUSY", "9d9162e7-6cf3-4944-bf63-4dff82258764");
  private final HubSpotPortals portals;
  private final CrmLedger ledger;
  private final CrmStepRetries retries;

  public HubSpotCallLogConnector(HubSpotPortals portals, CrmLedger ledger, CrmStepRetries retries) {
    this.portals = portals;
    this.ledger = ledger;
    this.retries = retries;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return retries.run(context, () -> log(context.bindVariables(HubSpotCallLogRequest.class)));
  }

  public Map<String, Object> log(HubSpotCallLogRequest r) {
    Optional<HubSpotPortals.Portal> portal = portals.forBusiness(r.businessId());
    if (portal.isEmpty() || r.contactId() == null || r.contactId().isBlank()) {
      return Map.of("skipped", true);
    }
    Map<String, String> p = new HashMap<>();
    p.put("hs_timestamp", r.at() == null ? Instant.now().toString() : r.at());
    p.put("hs_call_direction", "INBOUND");
    p.put("hs_call_from_number", r.from());
    p.put("hs_call_to_number", r.to());
    p.put("hs_call_status", "COMPLETED");
    p.put("hs_call_disposition", DISPOSITIONS.getOrDefault(r.outcome(), DISPOSITIONS.get("NO_ANSWER")));
    p.put("hs_call_title", "LEFT_VOICEMAIL".equals(r.outcome()) ? "Voicemail from " + r.from() : "Missed call from " + r.from());
    p.put("hs_call_body", "LEFT_VOICEMAIL".equals(r.outcome())
        ? "The caller left a voicemail. textback opened a call-back task."
        : "Nobody answered. textback texted the caller back.");
    if (r.recordingUrl() != null && !r.recordingUrl().isBlank()) {
      p.put("hs_call_recording_url", r.recordingUrl());
    }
    String id = ledger.once(r.businessId(), r.callSid() + ":call-log",
        () -> portal.get().client().createCall(p, r.contactId()));
    return Map.of("callId", id, "skipped", false);
  }
}
