package io.textback.worker.conversation;

/** What the business sends to the lead: the text, and who wrote it (for the record). */
public record ReplyRequest(String body, String agent) {}
