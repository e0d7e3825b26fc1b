package io.textback.worker.sms;

import io.textback.connector.twilio.sms.SendPacing;
import io.textback.crm.RequestBudget;
import java.time.Duration;

/**
 * {@code textback.twilio.messages-per-second} for all workers together: each sending number's turns
 * are counted per second in PostgreSQL, in the same budget table as the CRMs' limits.
 */
public final class SharedSendPacing implements SendPacing {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private final RequestBudget budget;
  private final int perSecond;

  public SharedSendPacing(RequestBudget budget, int perSecond) {
    this.budget = budget;
    this.perSecond = perSecond;
  }

  /** The budget's key for a sending number. */
  public static String key(String from) {
    return "twilio-sender:" + from;
  }

  @Override
  public boolean acquire(String from, Duration maxWait) {
    return budget.take(key(from), perSecond, SECOND, maxWait);
  }
}
