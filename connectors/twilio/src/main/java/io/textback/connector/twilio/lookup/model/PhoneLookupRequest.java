package io.textback.connector.twilio.lookup.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.textback.connector.twilio.PhoneMask;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Input of the io.textback:phone-lookup:1 connector. */
public record PhoneLookupRequest(
    @NotBlank
        @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be an E.164 number such as +15551234567")
        @TemplateProperty(
            group = "phone",
            label = "Phone number",
            description = "E.164, e.g. =leadPhone. Asked once per number and cache period (textback.twilio.lookup-cache-ttl, 180 days).")
        String phone,
    @Pattern(regexp = "^(text|do-not-text)$", message = "must be text or do-not-text")
        @TemplateProperty(
            group = "phone",
            label = "When Lookup fails",
            type = PropertyType.Dropdown,
            defaultValue = "text",
            optional = true,
            choices = {
              @DropdownPropertyChoice(value = "text", label = "Text anyway (the caller called the business)"),
              @DropdownPropertyChoice(value = "do-not-text", label = "Do not text (anyone can type a number into a form)")
            },
            description = "A missed call came from the number, so it is texted when Lookup cannot answer; a number typed into a form is not.")
        String whenLookupFails) {
  /** Whether a Lookup error lets the text go (the default, when the model does not say). */
  public boolean textWhenLookupFails() {
    return !"do-not-text".equals(whenLookupFails);
  }

  /** Phone numbers appear in logs only by their last four digits. */
  @Override
  public String toString() {
    return "PhoneLookupRequest[phone=" + PhoneMask.mask(phone) + ", whenLookupFails=" + whenLookupFails + "]";
  }
}
