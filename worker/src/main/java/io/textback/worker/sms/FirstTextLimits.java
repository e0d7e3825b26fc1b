package io.textback.worker.sms;

import io.textback.connector.twilio.sms.FirstTextCap;
import io.textback.connector.twilio.sms.model.SmsSendRequest;
import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.conversation.ConversationStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The caps on first texts (a number the business never texted and that never texted it), per
 * business and per number range, per rolling hour, in PostgreSQL so that they hold across workers.
 * Texts to the business's own staff, later texts of a conversation, a person's reply (the replies
 * API, a CRM's inbox) and texts an admin released are never held.
 */
@Component
public class FirstTextLimits implements FirstTextCap {
  /** Digits left off a number to name its range: the subscriber part of a North American number. */
  static final int RANGE_DIGITS = 4;
  /**
   * Idempotency keys of texts a person wrote (ReplyController's "reply:", each CRM's inbox replies,
   * see {@link io.textback.crm.CrmKind#agentReplyKeyPrefix()}): no journey waits on them, and a person
   * answering is no pump.
   */
  static final java.util.List<String> PERSON_KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of("reply:"),
      java.util.Arrays.stream(io.textback.crm.CrmKind.values()).map(io.textback.crm.CrmKind::agentReplyKeyPrefix)).toList();

  private final BusinessDirectory businesses;
  private final JdbcSmsOutbox outbox;
  private final ConversationStore conversations;

  public FirstTextLimits(BusinessDirectory businesses, JdbcSmsOutbox outbox, ConversationStore conversations) {
    this.businesses = businesses;
    this.outbox = outbox;
    this.conversations = conversations;
  }

  @Override
  public Optional<String> holdReason(SmsSendRequest request) {
    Optional<Business> business = request.businessId() == null ? Optional.empty() : businesses.byId(request.businessId());
    if (business.isEmpty() || business.get().isOwnNumber(request.to())
        || PERSON_KEYS.stream().anyMatch(request.idempotencyKey()::startsWith)
        || outbox.wasReleasedOrCounted(request.idempotencyKey())
        || outbox.hasTexted(request.businessId(), request.to(), request.idempotencyKey())
        || conversations.hasTextedIn(request.businessId(), request.to())) {
      return Optional.empty();
    }
    var limits = business.get().limits();
    return outbox.countFirstText(request.idempotencyKey(), request.businessId(), range(request.to()),
        limits.firstTextsPerHour(), limits.firstTextsPerHourPerPrefix());
  }

  /** The number without its last digits: "+1212555" for +12125550123. */
  static String range(String e164) {
    return e164.substring(0, Math.max(2, e164.length() - RANGE_DIGITS));
  }
}
