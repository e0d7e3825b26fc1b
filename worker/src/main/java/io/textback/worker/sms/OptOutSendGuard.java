package io.textback.worker.sms;

import io.textback.connector.twilio.sms.SmsSendGuard;
import io.textback.worker.optout.OptOutStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** No text ever goes to a number that opted out of the business, whatever the process state. */
@Component
public class OptOutSendGuard implements SmsSendGuard {
  private final OptOutStore optOuts;

  public OptOutSendGuard(OptOutStore optOuts) {
    this.optOuts = optOuts;
  }

  @Override
  public Optional<String> refusal(String businessId, String to) {
    return businessId != null && optOuts.isOptedOut(businessId, to) ? Optional.of("opted_out") : Optional.empty();
  }
}
