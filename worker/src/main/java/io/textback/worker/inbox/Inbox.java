package io.textback.worker.inbox;

import java.util.List;

/**
 * GET /api/inbox: a business's conversations, in the order they need a person.
 *
 * @param responseSlaSeconds the business's response SLA, which each waiting lead's clock is measured against
 */
public record Inbox(String business, String businessName, long responseSlaSeconds, List<InboxItem> waiting,
    List<InboxItem> open, List<InboxItem> closed) {}
