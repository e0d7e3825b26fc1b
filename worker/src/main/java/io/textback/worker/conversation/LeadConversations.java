package io.textback.worker.conversation;

import io.textback.worker.phone.PhoneNumbers;
import io.textback.worker.security.BusinessAccess;
import io.textback.worker.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The conversation a request names (by lead key or id), when the person asking may see its business;
 * every other answers 404, the same as one that does not exist.
 */
@Component
public class LeadConversations {
  private final ConversationStore conversations;
  private final BusinessAccess access;

  public LeadConversations(ConversationStore conversations, BusinessAccess access) {
    this.conversations = conversations;
    this.access = access;
  }

  public Conversation requireOpen(String leadKey) {
    return conversations.findOpenByLeadKey(leadKey).filter(c -> access.canSee(c.businessId())).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no open conversation for " + PhoneNumbers.maskLeadKey(leadKey)));
  }

  public Conversation require(long id) {
    return conversations.byId(id).filter(c -> access.canSee(c.businessId())).orElseThrow(() ->
        new RequestRejectedException(HttpStatus.NOT_FOUND, "no conversation " + id));
  }
}
