package io.textback.connector.gohighlevel.crm.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Input of io.textback:gohighlevel-contact:1. */
public record HighLevelContactRequest(
    @NotBlank @TemplateProperty(group = "lead", label = "Business id") String businessId,
    @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be an E.164 number")
        @TemplateProperty(group = "lead", label = "Lead's phone", optional = true,
            description = "E.164; the contact is found by it (the location's duplicate rule) or created. Without one, by email")
        String phone,
    @TemplateProperty(group = "lead", label = "First name", optional = true) String firstName,
    @TemplateProperty(group = "lead", label = "Last name", optional = true) String lastName,
    @TemplateProperty(group = "lead", label = "Email", optional = true) String email,
    @TemplateProperty(group = "lead", label = "Lead source", optional = true,
        description = "The contact's source when textback creates it, e.g. Missed call or Web form") String source) {}
