package io.textback.connector.twilio.lookup.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
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
        String phone) {

  /** Phone numbers appear in logs only by their last four digits. */
  @Override
  public String toString() {
    return "PhoneLookupRequest[phone=" + PhoneMask.mask(phone) + "]";
  }
}
