package io.textback.worker.inbox;

import java.time.Instant;

/**
 * One conversation in the inbox. The number is shown in full: the business's own staff, logged in,
 * answer their customer (logs mask it).
 *
 * @param status waiting (the lead wrote and nobody at the business answered since), open, or closed
 * @param waitingSince the lead's first text since the business last answered; null unless waiting
 * @param overdue waiting longer than the business's response SLA
 * @param lastDirection IN or OUT, of the last text (null when there is none yet)
 */
public record InboxItem(long conversationId, String leadKey, String phone, String name, String channel, String status,
    String outcome, boolean paused, String review, Instant openedAt, Instant closedAt, Instant lastAt,
    String lastDirection, String lastText, Instant waitingSince, Long waitingSeconds, long slaSeconds, boolean overdue,
    int repeatCalls, boolean optedOut) {
  public static final String WAITING = "waiting";
  public static final String OPEN = "open";
  public static final String CLOSED = "closed";

  boolean isWaiting() {
    return WAITING.equals(status);
  }
}
