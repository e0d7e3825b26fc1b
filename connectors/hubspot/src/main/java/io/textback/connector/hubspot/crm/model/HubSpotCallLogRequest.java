package io.textback.connector.hubspot.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;

/** Input of io.textback:hubspot-call-log:1. */
public record HubSpotCallLogRequest(
    @NotBlank @TemplateProperty(group = "call", label = "Business id") String businessId,
    @TemplateProperty(group = "call", label = "Contact id", optional = true,
        description = "From the contact step; without it (no HubSpot for this business) nothing is logged") String contactId,
    @NotBlank @TemplateProperty(group = "call", label = "Call SID", description = "One call log per call") String callSid,
    @NotBlank @TemplateProperty(group = "call", label = "From (caller)") String from,
    @NotBlank @TemplateProperty(group = "call", label = "To (business number)") String to,
    @NotBlank @TemplateProperty(group = "call", label = "Outcome",
        description = "NO_ANSWER, LEFT_VOICEMAIL or BUSY") String outcome,
    @TemplateProperty(group = "call", label = "Recording URL", optional = true) String recordingUrl,
    @TemplateProperty(group = "call", label = "Call time (ISO-8601)", optional = true) String at) {}
