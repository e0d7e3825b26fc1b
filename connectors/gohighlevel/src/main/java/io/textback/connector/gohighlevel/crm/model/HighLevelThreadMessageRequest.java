package io.textback.connector.gohighlevel.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Input of io.textback:gohighlevel-thread-message:1. */
public record HighLevelThreadMessageRequest(
    @NotBlank @TemplateProperty(group = "message", label = "Business id") String businessId,
    @TemplateProperty(group = "message", label = "Contact id", optional = true,
        description = "Without it, the contact cached for the lead's phone") String contactId,
    @NotBlank @TemplateProperty(group = "message", label = "Lead's phone") String leadPhone,
    @NotBlank @Pattern(regexp = "INCOMING|OUTGOING")
        @TemplateProperty(group = "message", label = "Direction", description = "INCOMING (from the lead) or OUTGOING (to the lead)")
        String direction,
    @NotBlank @TemplateProperty(group = "message", label = "Text") String text,
    @NotBlank @TemplateProperty(group = "message", label = "Message SID",
        description = "Twilio's id of the SMS: the conversation shows it once") String messageSid,
    @TemplateProperty(group = "message", label = "Sent at (ISO-8601)", optional = true) String at) {}
