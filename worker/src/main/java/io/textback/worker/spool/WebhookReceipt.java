package io.textback.worker.spool;

import java.time.Instant;
import java.util.Map;

/**
 * A webhook as its controller took it: the path, the parameters once their signature was checked, and
 * when it arrived. {@code replayed} is true when the spool hands it back after an outage.
 */
public record WebhookReceipt(String path, Map<String, String> params, Instant receivedAt, boolean replayed) {
  public WebhookReceipt {
    params = Map.copyOf(params);
  }

  public static WebhookReceipt live(String path, Map<String, String> params, Instant now) {
    return new WebhookReceipt(path, params, now, false);
  }
}
