package io.textback.worker.inbound;

import static org.awaitility.Awaitility.await;

import io.textback.worker.support.WorkerIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A burst of webhooks is published as fast as the engine takes it, not in batches held back by a backoff. */
class RelayBurstTest extends WorkerIntegrationTest {
  @Autowired InboundEventStore events;
  @Autowired MessageRelay relay;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    sharedInfrastructure(registry);
  }

  @Test
  void fourHundredWaitingMessages_allPublishedWithinSeconds() {
    String burst = "burst-" + UUID.randomUUID();
    for (int i = 0; i < 400; i++) {
      // no process waits for this message: the engine takes it and lets it expire
      events.storeIfNew(new InboundEvent("test", burst + ":" + i, "test", Map.of(), Optional.of(
          new PendingMessage("relay-burst-test", burst + ":" + (i % 40), burst + ":" + i, Duration.ZERO, Map.of()))));
    }
    relay.wake();

    // eight full batches: a relay that backed off after each full batch (250 ms doubling to 10 s)
    // needed about 25 s for these
    await().atMost(Duration.ofSeconds(8)).until(() -> jdbc.sql(
            "select count(*) from inbound_event where event_key like :k and published_at is null")
        .param("k", burst + ":%").query(Long.class).single() == 0);
  }
}
