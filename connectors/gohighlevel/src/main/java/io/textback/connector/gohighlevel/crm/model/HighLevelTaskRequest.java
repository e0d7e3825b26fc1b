package io.textback.connector.gohighlevel.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Input of io.textback:gohighlevel-task:1. */
public record HighLevelTaskRequest(
    @NotBlank @TemplateProperty(group = "task", label = "Business id") String businessId,
    @TemplateProperty(group = "task", label = "Contact id", optional = true) String contactId,
    @NotBlank @TemplateProperty(group = "task", label = "Title") String subject,
    @TemplateProperty(group = "task", label = "Notes", optional = true) String body,
    @NotBlank @TemplateProperty(group = "task", label = "Key", description = "One task per key") String key,
    @TemplateProperty(group = "task", label = "Due (ISO-8601 instant)", optional = true, description = "Else now") String dueAt,
    @TemplateProperty(group = "task", label = "Priority", optional = true,
        description = "LOW, MEDIUM or HIGH: HighLevel tasks have none, so HIGH heads the title") String priority,
    @TemplateProperty(group = "task", label = "Owner user id", optional = true) String ownerUserId,
    @TemplateProperty(group = "task", label = "Lead's phone", optional = true,
        description = "Without a contact id, the contact cached for this phone") String leadPhone) {}
