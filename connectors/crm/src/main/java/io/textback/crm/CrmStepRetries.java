package io.textback.crm;

import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a CRM step and turns the CRM's failures into the job's outcome, the same for every CRM. A rate
 * limit waits what the CRM's Retry-After says. An outage is retried with a wait that doubles with each
 * failure of the same step, from 30 s up to 15 min: with the models' 20 retries a step rides out a CRM
 * down for about 3 h 45 min, and is done within 15 min of the CRM's return (the text went out long
 * ago; the CRM can wait). Anything else becomes an incident with the CRM's message.
 */
public final class CrmStepRetries {
  static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final Duration BUSY_WAIT = Duration.ofSeconds(2);
  /** Failures per step (element instance); bounded, and a worker restart starts the count again. */
  private static final int STEPS_REMEMBERED = 10_000;
  private final String codePrefix;
  private final Map<Long, Integer> failures = Collections.synchronizedMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
      return size() > STEPS_REMEMBERED;
    }
  });

  /** @param crm whose steps these are: its id, upper-cased, starts each error code (HUBSPOT_RATE_LIMITED) */
  public CrmStepRetries(CrmKind crm) {
    this.codePrefix = crm.id().toUpperCase(java.util.Locale.ROOT);
  }

  public Object run(OutboundConnectorContext context, Supplier<Object> step) {
    long stepKey = context.getJobContext().getElementInstanceKey();
    try {
      Object result = step.get();
      failures.remove(stepKey);
      return result;
    } catch (CrmRecordBusyException e) {
      // another job is writing the record: soon done, but two steps that keep meeting (both due at
      // the same instant, every time) must not spend all their retries on each other
      throw retryLater(stepKey, codePrefix + "_RECORD_BUSY", e, null, BUSY_WAIT);
    } catch (RuntimeException e) {
      if (!(e instanceof CrmApiFailure failure)) {
        throw e;
      }
      if (failure.isRateLimited()) {
        throw retryLater(stepKey, codePrefix + "_RATE_LIMITED", e, failure.retryAfter(), FIRST_WAIT);
      }
      if (failure.isTransient()) {
        // a 503's Retry-After is seconds; an outage is waited out by the growing wait
        throw retryLater(stepKey, codePrefix + "_UNAVAILABLE", e, null, FIRST_WAIT);
      }
      failures.remove(stepKey);
      // the CRM refused the request itself: retrying will not change its mind, a person must look
      throw ConnectorRetryException.builder().errorCode(codePrefix + "_REJECTED").message(e.getMessage()).cause(e)
          .retries(0).build();
    }
  }

  private ConnectorRetryException retryLater(long stepKey, String code, RuntimeException e, Duration told,
      Duration first) {
    int failed = failures.merge(stepKey, 1, Integer::sum);
    return ConnectorRetryException.builder().errorCode(code).message(e.getMessage()).cause(e)
        .backoffDuration(told != null ? told : waitAfter(first, failed)).build();
  }

  /** 30 s after an outage's first failure (2 s after a busy record's), doubling, never more than 15 min. */
  static Duration waitAfter(Duration first, int failures) {
    int doublings = Math.min(failures - 1, 10);
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }
}
