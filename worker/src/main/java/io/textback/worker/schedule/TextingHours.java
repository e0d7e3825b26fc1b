package io.textback.worker.schedule;

import io.textback.worker.business.Business;
import io.textback.worker.conversation.ConversationStore;
import io.textback.worker.phone.PhoneNumbers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * When a text that does not answer the lead may reach them: the state texting rules of the lead's
 * area code (the federal window elsewhere), held to the business's own quiet hours, in every time
 * zone of the number, with the texts the lead got in the last 24 hours counted against a cap.
 */
@Component
public class TextingHours {
  /** How far back the caps count (the states' "3 per 24 hours"). */
  static final Duration CAP_WINDOW = Duration.ofHours(24);
  private final StateTextingRules rules = StateTextingRules.standard();
  private final PhoneNumbers phones;
  private final ConversationStore conversations;

  public TextingHours(PhoneNumbers phones, ConversationStore conversations) {
    this.phones = phones;
    this.conversations = conversations;
  }

  /** {@code until} is the first allowed minute ({@code at} itself when a text may go now); {@code states} the rule's. */
  public record Hold(Instant until, List<String> states) {}

  /** When a text from the business to the lead may go, asked at {@code at}. */
  public Hold holdFor(Business business, String leadPhone, Instant at) {
    TextingRule rule = rules.forStates(phones.statesOf(leadPhone)).within(business.quietHours().allowed());
    List<Instant> sent = conversations.textsSentTo(business.id(), leadPhone, at.minus(CAP_WINDOW));
    return new Hold(rule.nextAllowed(at, phones.timeZonesOf(leadPhone, business.hours().zone()), sent), rule.states());
  }
}
