package io.textback.worker.conversation;

/**
 * Something in a business's conversations changed (a text, a call, a state). {@code businessId} is
 * null when the change knew only the conversation (the listener looks it up if it needs it);
 * {@code conversationId} is null for a stranger's text or a delivery status.
 */
public record ConversationChanged(String businessId, Long conversationId) {}
