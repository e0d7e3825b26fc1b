package io.textback.connector.hubspot.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;

/** Input of io.textback:hubspot-task:1 (call-back and escalation tasks). */
public record HubSpotTaskRequest(
    @NotBlank @TemplateProperty(group = "task", label = "Business id") String businessId,
    @TemplateProperty(group = "task", label = "Contact id", optional = true) String contactId,
    @NotBlank @TemplateProperty(group = "task", label = "Subject") String subject,
    @TemplateProperty(group = "task", label = "Notes", optional = true) String body,
    @NotBlank @TemplateProperty(group = "task", label = "Key", description = "One task per key") String key,
    @TemplateProperty(group = "task", label = "Due (ISO-8601 instant)", optional = true) String dueAt,
    @TemplateProperty(group = "task", label = "Priority", optional = true, description = "LOW, MEDIUM or HIGH") String priority,
    @TemplateProperty(group = "task", label = "Owner id", optional = true) String ownerId,
    @TemplateProperty(group = "task", label = "Lead's phone", optional = true,
        description = "Without a contact id, the contact cached for this phone") String leadPhone) {}
