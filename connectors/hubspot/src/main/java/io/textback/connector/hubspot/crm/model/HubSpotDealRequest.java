package io.textback.connector.hubspot.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;

/** Input of io.textback:hubspot-deal:1. Pipeline, stage and owner default to the business's settings. */
public record HubSpotDealRequest(
    @NotBlank @TemplateProperty(group = "deal", label = "Business id") String businessId,
    @TemplateProperty(group = "deal", label = "Contact id", optional = true) String contactId,
    @NotBlank @TemplateProperty(group = "deal", label = "Deal name") String dealName,
    @NotBlank @TemplateProperty(group = "deal", label = "Key", description = "One deal per key, e.g. =leadKey + \":\" + callSid") String key,
    @TemplateProperty(group = "deal", label = "Pipeline", optional = true) String pipeline,
    @TemplateProperty(group = "deal", label = "Stage", optional = true) String stage,
    @TemplateProperty(group = "deal", label = "Owner id", optional = true) String ownerId,
    @TemplateProperty(group = "deal", label = "Lead key", optional = true,
        description = "When the deal reaches the booked stage, this lead's conversation ends as Booked") String leadKey) {}
