package io.textback.connector.twilio.sms;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/** How many texts a sending number may hand to Twilio per second; a send waits for its turn. */
@FunctionalInterface
public interface SendPacing {
  /** Waits for the sender's next turn, at most {@code maxWait}; false when none came in time. */
  boolean acquire(String from, Duration maxWait);

  /** No pacing: Twilio queues each sender's texts at its A2P 10DLC throughput itself. */
  SendPacing NONE = (from, maxWait) -> true;

  /** Paced in this JVM only (one worker, or tests); a worker with others shares PostgreSQL's. */
  static SendPacing inThisJvm(int messagesPerSecond) {
    RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(messagesPerSecond)
        .limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ofSeconds(30))
        .build());
    return (from, maxWait) -> limiters.rateLimiter(from).acquirePermission();
  }
}
