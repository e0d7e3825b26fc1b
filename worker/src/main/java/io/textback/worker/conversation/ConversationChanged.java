package io.textback.worker.conversation;

/** Something in a business's conversations changed (a text, a call, a state); conversationId is null for a stranger's text. */
public record ConversationChanged(String businessId, Long conversationId) {}
