package io.textback.worker.screening;

import io.textback.worker.business.Business;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.phone.PhoneNumbers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides whether a caller may get the text-back, and why not. */
@Component
public class CallerScreen {
  private final PhoneNumbers phones;
  private final OptOutStore optOuts;

  public CallerScreen(PhoneNumbers phones, OptOutStore optOuts) {
    this.phones = phones;
    this.optOuts = optOuts;
  }

  public ScreeningResult screen(Business business, String callerPhone) {
    Optional<String> e164 = phones.toE164(callerPhone, business.region());
    String reason = null;
    if (phones.isAnonymous(callerPhone)) {
      reason = "anonymous";
    } else if (e164.isEmpty()) {
      reason = "invalid_number";
    } else if (business.isOwnNumber(e164.get())) {
      reason = "internal";
    } else if (business.blockedNumbers().contains(e164.get())) {
      reason = "blocked";
    } else if (optOuts.isOptedOut(business.id(), e164.get())) {
      reason = "opted_out";
    }
    return new ScreeningResult(reason == null, reason, e164.orElse(callerPhone), business.twilioNumber(),
        business.voicemailWindow().toString(), business.textOnVoicemail(), business.textBack());
  }
}
