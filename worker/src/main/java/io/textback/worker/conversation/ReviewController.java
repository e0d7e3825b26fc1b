package io.textback.worker.conversation;

import io.textback.worker.business.Business;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.optout.ConsentRevocations;
import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.web.RequestRejectedException;
import java.security.Principal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person decides on a text that may have revoked consent ("not interested", "stop"): {@code POST
 * /api/conversations/{leadKey}/review/opt-out} opts the lead out as a STOP would;
 * {@code .../review/not-opt-out} resumes the automation.
 */
@RestController
public class ReviewController {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewController.class);
  private final ConversationStore conversations;
  private final BusinessDirectory businesses;
  private final ConsentRevocations revocations;
  private final LeadConversations leadConversations;

  public ReviewController(ConversationStore conversations, BusinessDirectory businesses, ConsentRevocations revocations,
      LeadConversations leadConversations) {
    this.leadConversations = leadConversations;
    this.conversations = conversations;
    this.businesses = businesses;
    this.revocations = revocations;
  }

  @PostMapping("/api/conversations/{leadKey}/review/{decision}")
  public Map<String, Object> decide(@PathVariable String leadKey, @PathVariable String decision, Principal person) {
    if (!decision.equals("opt-out") && !decision.equals("not-opt-out")) {
      throw new RequestRejectedException(HttpStatus.NOT_FOUND,
          "a review is decided with POST /api/conversations/{leadKey}/review/opt-out or /not-opt-out");
    }
    Conversation conversation = leadConversations.requireOpen(leadKey);
    String review = java.util.Optional.ofNullable(conversations.reviewsOf(conversation.businessId(),
        java.util.Set.of(conversation.phone())).get(conversation.phone())).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.CONFLICT, "the conversation with " + PhoneNumbers.maskLeadKey(leadKey)
            + " waits for no decision (decided already, or no doubtful text)"));
    Business business = businesses.byId(conversation.businessId()).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.CONFLICT, "business " + conversation.businessId() + " is no longer configured"));
    String who = person == null ? "" : person.getName();
    if (decision.equals("opt-out")) {
      String key = "review:" + conversation.id();
      revocations.revoke(business, conversation.phone(), new ConsentRevocations.Source("textback", key, "review-opt-out",
          Map.of("leadKey", leadKey, "review", review, "by", who), key, key), true);
    } else {
      conversations.resumeAfterReview(conversation.id());
    }
    LOG.info("{} decided {} for {} ({})", who, decision, PhoneNumbers.maskLeadKey(leadKey), review);
    return Map.of("conversationId", conversation.id(), "decision", decision, "review", review);
  }
}
