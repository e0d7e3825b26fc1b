package io.textback.crm;

import java.time.Duration;

/** What a CRM step needs to know of a failed CRM call to decide between waiting and an incident. */
public interface CrmApiFailure {
  /** The CRM's HTTP status; 0 when it did not answer. */
  int status();

  /** The CRM said 429 (or textback held the call back to stay under the CRM's limit). */
  default boolean isRateLimited() {
    return status() == 429;
  }

  /** 5xx, or no answer at all: the CRM will likely take it later. */
  default boolean isTransient() {
    return status() >= 500 || status() == 0;
  }

  /** How long the CRM asked to wait, if it said. */
  Duration retryAfter();
}
