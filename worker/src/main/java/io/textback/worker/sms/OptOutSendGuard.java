package io.textback.worker.sms;

import io.textback.connector.twilio.sms.SmsSendGuard;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.phone.PhoneLines;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * No text ever goes to a number that opted out of the business, whatever the process state, nor to
 * one known not to take SMS.
 */
@Component
public class OptOutSendGuard implements SmsSendGuard {
  private final OptOutStore optOuts;
  private final PhoneLines lines;

  public OptOutSendGuard(OptOutStore optOuts, PhoneLines lines) {
    this.optOuts = optOuts;
    this.lines = lines;
  }

  @Override
  public Optional<String> refusal(String businessId, String to) {
    if (businessId != null && optOuts.isOptedOut(businessId, to)) {
      return Optional.of("opted_out");
    }
    return lines.knownNotTextableReason(to);
  }
}
