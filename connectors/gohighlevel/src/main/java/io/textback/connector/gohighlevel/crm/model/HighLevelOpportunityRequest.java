package io.textback.connector.gohighlevel.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Input of io.textback:gohighlevel-opportunity:1. */
public record HighLevelOpportunityRequest(
    @NotBlank @TemplateProperty(group = "opportunity", label = "Business id") String businessId,
    @TemplateProperty(group = "opportunity", label = "Contact id", optional = true) String contactId,
    @NotBlank @TemplateProperty(group = "opportunity", label = "Opportunity name") String name,
    @NotBlank @TemplateProperty(group = "opportunity", label = "Key", description = "One opportunity per key") String key,
    @TemplateProperty(group = "opportunity", label = "Pipeline id", optional = true,
        description = "Else the business's pipeline") String pipelineId,
    @TemplateProperty(group = "opportunity", label = "Stage id", optional = true,
        description = "Else the business's new-lead stage") String stageId,
    @TemplateProperty(group = "opportunity", label = "Owner user id", optional = true) String ownerUserId,
    @TemplateProperty(group = "opportunity", label = "Lead key", optional = true,
        description = "When the opportunity reaches the booked stage, this lead's conversation ends as Booked") String leadKey) {}
