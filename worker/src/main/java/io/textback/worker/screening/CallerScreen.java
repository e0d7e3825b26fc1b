package io.textback.worker.screening;

import io.textback.worker.business.Business;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.copy.CopyCase;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.phone.PhoneLines;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides whether a caller may get the text-back, why not, and which copy. */
@Component
public class CallerScreen {
  private final PhoneNumbers phones;
  private final OptOutStore optOuts;
  private final ConversationStore conversations;
  private final PhoneLines lines;

  public CallerScreen(PhoneNumbers phones, OptOutStore optOuts, ConversationStore conversations, PhoneLines lines) {
    this.phones = phones;
    this.optOuts = optOuts;
    this.conversations = conversations;
    this.lines = lines;
  }

  public ScreeningResult screen(Business business, String callerPhone, Instant now) {
    Optional<String> e164 = phones.toE164(callerPhone, business.region());
    String reason = reason(business, callerPhone, e164);
    boolean afterHours = !business.hours().isOpen(now);
    String body = business.copy().render(afterHours ? CopyCase.AFTER_HOURS : CopyCase.MISSED_CALL, Map.of());
    return new ScreeningResult(reason == null, reason, e164.orElse(callerPhone), business.twilioNumber(),
        business.voicemailWindow().toString(), business.textOnVoicemail(), afterHours, body);
  }

  /** Cheapest checks first; the Lookup (which Twilio bills) last. */
  private String reason(Business business, String raw, Optional<String> e164) {
    if (phones.isAnonymous(raw)) {
      return "anonymous";
    }
    if (e164.isEmpty()) {
      return "invalid_number";
    }
    String phone = e164.get();
    if (business.isOwnNumber(phone)) {
      return "internal";
    }
    if (business.blockedNumbers().contains(phone)) {
      return "blocked";
    }
    if (optOuts.isOptedOut(business.id(), phone)) {
      return "opted_out";
    }
    Optional<io.textback.worker.conversation.Conversation> open = conversations.findOpen(business.id(), phone);
    if (open.isPresent()) {
      conversations.recordRepeatCall(open.get().id());
      return "in_conversation";
    }
    return lines.notTextableReason(phone).orElse(null);
  }
}
