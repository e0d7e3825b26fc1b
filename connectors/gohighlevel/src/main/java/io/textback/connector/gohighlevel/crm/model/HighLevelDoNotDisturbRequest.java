package io.textback.connector.gohighlevel.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Input of io.textback:gohighlevel-dnd:1. */
public record HighLevelDoNotDisturbRequest(
    @NotBlank @TemplateProperty(group = "consent", label = "Business id") String businessId,
    @NotBlank @TemplateProperty(group = "consent", label = "Lead's phone",
        description = "The contact textback found for this phone (else HighLevel's duplicate search)") String leadPhone,
    @NotNull @TemplateProperty(group = "consent", label = "SMS do-not-disturb",
        description = "true after the lead's STOP, false after START") Boolean doNotDisturb,
    @TemplateProperty(group = "consent", label = "Why", optional = true) String reason) {}
