package io.textback.crm;

import java.time.Duration;

/** What a CRM step needs to know of a failed CRM call to decide between waiting and an incident. */
public interface CrmApiFailure {
  /** The CRM said 429 (or textback held the call back to stay under the CRM's limit). */
  boolean isRateLimited();

  /** 5xx, or no answer at all: the CRM will likely take it later. */
  boolean isTransient();

  /** How long the CRM asked to wait, if it said. */
  Duration retryAfter();
}
