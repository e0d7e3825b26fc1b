package io.textback.worker.sms;

import io.textback.connector.twilio.sms.SmsSendGuard;
import io.textback.worker.optout.OptOutStore;
import io.textback.worker.phone.PhoneLines;
import io.textback.worker.spool.WebhookSpool;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * No text ever goes to a number that opted out of the business, whatever the process state, nor to
 * one known not to take SMS, nor any text while webhooks wait in the spool.
 */
@Component
public class OptOutSendGuard implements SmsSendGuard {
  private final OptOutStore optOuts;
  private final PhoneLines lines;
  private final WebhookSpool spool;

  public OptOutSendGuard(OptOutStore optOuts, PhoneLines lines, WebhookSpool spool) {
    this.optOuts = optOuts;
    this.lines = lines;
    this.spool = spool;
  }

  /** A STOP may wait in the spool: nothing is texted until every spooled webhook is read. */
  @Override
  public Optional<String> waitReason() {
    return spool.isHolding() ? Optional.of(spool.waiting() + " webhooks received while PostgreSQL was down are not read yet")
        : Optional.empty();
  }

  @Override
  public Optional<String> refusal(String businessId, String to) {
    if (businessId != null && optOuts.isOptedOut(businessId, to)) {
      return Optional.of("opted_out");
    }
    return lines.knownNotTextableReason(to);
  }
}
