package io.textback.connector.gohighlevel.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Input of io.textback:gohighlevel-call-log:1. */
public record HighLevelCallLogRequest(
    @NotBlank @TemplateProperty(group = "call", label = "Business id") String businessId,
    @TemplateProperty(group = "call", label = "Contact id", optional = true,
        description = "From the contact step; without it nothing is logged") String contactId,
    @NotBlank @TemplateProperty(group = "call", label = "Call SID", description = "One call log per call") String callSid,
    @NotBlank @TemplateProperty(group = "call", label = "From (caller)") String from,
    @NotBlank @TemplateProperty(group = "call", label = "To (business number)") String to,
    @NotBlank @Pattern(regexp = "NO_ANSWER|LEFT_VOICEMAIL|BUSY")
        @TemplateProperty(group = "call", label = "Outcome", description = "NO_ANSWER, LEFT_VOICEMAIL or BUSY") String outcome,
    @TemplateProperty(group = "call", label = "Recording URL", optional = true) String recordingUrl,
    @TemplateProperty(group = "call", label = "Call time (ISO-8601)", optional = true) String at) {}
