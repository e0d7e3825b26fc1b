package io.textback.worker.inbound;

import java.util.Map;
import java.util.Optional;

/**
 * A webhook as received. {@code eventKey} is unique per provider event (for example
 * "dial-status:CA123"): storing the same key twice is a no-op.
 */
public record InboundEvent(
    String provider, String eventKey, String kind, Map<String, String> payload, Optional<PendingMessage> message) {}
