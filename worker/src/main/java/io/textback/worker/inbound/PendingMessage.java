package io.textback.worker.inbound;

import java.time.Duration;
import java.util.Map;

/** A Zeebe message that a webhook asks for; published by the relay once the event is stored. */
public record PendingMessage(
    String name, String correlationKey, String messageId, Duration ttl, Map<String, Object> variables) {
  public PendingMessage {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
