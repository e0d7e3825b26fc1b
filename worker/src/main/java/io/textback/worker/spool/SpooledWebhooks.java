package io.textback.worker.spool;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A controller whose webhooks can wait in the spool: for each of its paths, the same work its live
 * answer does, run again for a webhook the spool hands back.
 */
public interface SpooledWebhooks {
  Map<String, Consumer<WebhookReceipt>> replayByPath();
}
