package io.textback.worker.screening;

import io.textback.worker.business.Business;
import io.textback.worker.conversation.Conversation;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.copy.CopyCase;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Decides whether a caller (or a web-form lead) may get the first text, why not, and which copy. */
@Component
public class CallerScreen {
  private final PhoneNumbers phones;
  private final OptOutStore optOuts;
  private final ConversationStore conversations;

  public CallerScreen(PhoneNumbers phones, OptOutStore optOuts, ConversationStore conversations) {
    this.phones = phones;
    this.optOuts = optOuts;
    this.conversations = conversations;
  }

  public ScreeningResult screen(Business business, String callerPhone, String callSid, Instant now) {
    Optional<String> e164 = phones.toE164(callerPhone, business.region());
    String reason = reason(business, callerPhone, e164, open -> conversations.recordRepeatCall(open.id(), callSid, "missed again"));
    boolean afterHours = !business.hours().isOpen(now);
    String variant = afterHours || !business.copy().hasVariantB() ? null : variantOf(callSid);
    CopyCase copy = afterHours ? CopyCase.AFTER_HOURS : "B".equals(variant) ? CopyCase.MISSED_CALL_B : CopyCase.MISSED_CALL;
    String body = business.copy().render(copy, Map.of());
    return new ScreeningResult(reason == null, reason, e164.orElse(callerPhone), business.twilioNumber(),
        business.voicemailWindow().toString(), business.textOnVoicemail(), afterHours, body, variant, business.crm());
  }

  /** Half the calls each, by CallSid: stable across retries, and random enough across callers. */
  static String variantOf(String callSid) {
    return Math.floorMod(callSid == null ? 0 : callSid.hashCode(), 2) == 0 ? "A" : "B";
  }

  /**
   * A web-form lead: the same checks as a caller, after the form's own (a phone, consent not
   * refused); the form copy, with the lead's first name. A lead already in a conversation joins it:
   * the form is recorded there.
   */
  public FormScreeningResult screenForm(Business business, FormLead lead, Instant now) {
    Optional<String> e164 = lead.phone() == null ? Optional.empty() : phones.toE164(lead.phone(), business.region());
    String reason = lead.phone() == null ? "no_phone"
        : Boolean.FALSE.equals(lead.consent()) ? "no_consent"
        : reason(business, lead.phone(), e164, open -> conversations.recordForm(open, lead.submissionId(), lead.message()));
    boolean afterHours = !business.hours().isOpen(now);
    Map<String, String> values = lead.firstName() == null ? Map.of() : Map.of("firstName", lead.firstName());
    String body = business.copy().render(afterHours ? CopyCase.FORM_AFTER_HOURS : CopyCase.FORM, values);
    return new FormScreeningResult(reason == null, reason, e164.orElse(lead.phone()), business.twilioNumber(),
        afterHours, body, business.crm());
  }

  /** The form fields the screen looks at. {@code consent} is null when the form did not say. */
  public record FormLead(String submissionId, String phone, String firstName, Boolean consent, String message) {}

  /**
   * What the screen-form step hands to the journey; {@code notTextedReason} as for calls, or no_phone,
   * no_consent; {@code crm} as in {@link ScreeningResult}.
   */
  public record FormScreeningResult(boolean textable, String notTextedReason, String leadPhone, String businessPhone,
      boolean afterHours, String replyBody, String crm) {}

  /** Cheapest checks first; Twilio Lookup (billed) is a step of its own after these. */
  private String reason(Business business, String raw, Optional<String> e164, Consumer<Conversation> inConversation) {
    if (phones.isAnonymous(raw)) {
      return "anonymous";
    }
    if (e164.isEmpty()) {
      return "invalid_number";
    }
    String phone = e164.get();
    if (!business.textCountries().contains(phones.countryOf(phone))) {
      return "country_not_texted";
    }
    if (phones.isUntextableType(phone)) {
      return "premium_or_special_number";
    }
    if (business.isOwnNumber(phone)) {
      return "internal";
    }
    if (business.blockedNumbers().contains(phone)) {
      return "blocked";
    }
    if (optOuts.isOptedOut(business.id(), phone)) {
      return "opted_out";
    }
    Optional<Conversation> open = conversations.findOpen(business.id(), phone);
    if (open.isPresent()) {
      inConversation.accept(open.get());
      return "in_conversation";
    }
    return null; // the line type is the model's next step (phone-lookup), asked only for numbers that pass
  }
}
