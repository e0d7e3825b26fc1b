package io.textback.connector.hubspot.crm;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.textback.connector.hubspot.api.HubSpotApiException;
import java.time.Duration;

/**
 * How a HubSpot failure fails the job: limits and outages are retried later with a backoff (the
 * text went out long ago; the CRM can wait), anything else becomes an incident with HubSpot's message.
 */
final class HubSpotStepFailure {
  private static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(30);

  private HubSpotStepFailure() {}

  static ConnectorException busy(CrmRecordBusyException e) {
    return ConnectorRetryException.builder().errorCode("HUBSPOT_RECORD_BUSY").message(e.getMessage()).cause(e)
        .backoffDuration(Duration.ofSeconds(2)).build();
  }

  static ConnectorException of(HubSpotApiException e) {
    if (e.isRateLimited() || e.isTransient()) {
      return ConnectorRetryException.builder().errorCode("HUBSPOT_UNAVAILABLE").message(e.getMessage()).cause(e)
          .backoffDuration(e.retryAfter() != null ? e.retryAfter() : OUTAGE_BACKOFF).build();
    }
    return new ConnectorException("HUBSPOT_REJECTED", e.getMessage(), e);
  }
}
