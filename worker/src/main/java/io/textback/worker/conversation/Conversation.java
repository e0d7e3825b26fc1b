package io.textback.worker.conversation;

import java.time.Instant;

/** A lead's conversation with a business, as stored. */
public record Conversation(
    long id, String businessId, String phone, String leadKey, String channel, String state, String outcome,
    Instant openedAt, int repeatCalls) {
  public boolean isOpen() {
    return "OPEN".equals(state);
  }
}
