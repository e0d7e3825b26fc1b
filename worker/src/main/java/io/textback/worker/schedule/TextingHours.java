package io.textback.worker.schedule;

import io.textback.worker.business.Business;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * When a text that does not answer the lead may reach them: the state texting rules of the lead's
 * area code (the federal window elsewhere), held to the business's own quiet hours, in every time
 * zone of the number.
 */
@Component
public class TextingHours {
  private final StateTextingRules rules = StateTextingRules.standard();
  private final PhoneNumbers phones;

  public TextingHours(PhoneNumbers phones) {
    this.phones = phones;
  }

  public TextingRule ruleFor(Business business, String leadPhone) {
    return rules.forStates(phones.statesOf(leadPhone)).within(business.quietHours().allowed());
  }

  /** {@code at}, or the first allowed minute after it; {@code sentBefore}: the texts the lead already got. */
  public Instant nextAllowed(Business business, String leadPhone, Instant at, List<Instant> sentBefore) {
    return ruleFor(business, leadPhone).nextAllowed(at, phones.timeZonesOf(leadPhone, business.hours().zone()), sentBefore);
  }
}
