package io.textback.connector.twilio.sms.model;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.textback.connector.twilio.PhoneMask;

/** Input of the io.textback:sms-send:1 connector. */
public record SmsSendRequest(
    @TemplateProperty(
            group = "message",
            label = "Business id",
            description = "The textback business that sends; its opt-out list is checked first.",
            optional = true)
        String businessId,
    @NotBlank
        @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be an E.164 number such as +15551234567")
        @TemplateProperty(
            group = "message",
            label = "From (business number)",
            description = "The business's Twilio number, E.164.")
        String from,
    @NotBlank
        @Pattern(regexp = "^\\+[1-9]\\d{6,14}$", message = "must be an E.164 number such as +15551234567")
        @TemplateProperty(group = "message", label = "To (lead's phone)", description = "E.164.")
        String to,
    @NotBlank
        @Size(max = 1600, message = "must be at most 1,600 characters (Twilio's limit)")
        @TemplateProperty(
            group = "message",
            label = "Text",
            type = PropertyType.Text,
            description =
                "GSM-7 only (no em dashes or curly quotes), at most 2 segments (306 characters) for a first text, the business's name in the first six words, and 'Reply STOP to opt out' on the first text to a number.")
        String body,
    @NotBlank
        @Size(max = 200)
        @TemplateProperty(
            group = "delivery",
            label = "Idempotency key",
            description =
                "Unique per journey step, e.g. =callSid + \":text-back\". A retried job with the same key never texts twice.")
        String idempotencyKey) {

  /** Phone numbers appear in logs only by their last four digits. */
  @Override
  public String toString() {
    return "SmsSendRequest[businessId=%s, from=%s, to=%s, key=%s, %d chars]"
        .formatted(
            businessId, PhoneMask.mask(from), PhoneMask.mask(to), idempotencyKey,
            body == null ? 0 : body.length());
  }
}
