package io.textback.worker.inbound;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.textback.worker.TextbackProperties;
import io.textback.worker.inbound.InboundEventStore.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes stored webhook messages to Zeebe, oldest first. Woken at once when a webhook stores a
 * message, and on a timer for anything left behind. While the engine is unreachable it backs off
 * and keeps the messages; nothing is lost between the webhook and the engine.
 */
@Component
public class MessageRelay implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(MessageRelay.class);
  private static final int BATCH = 50;
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);
  /** The engine will never accept these as they are: retrying cannot help. */
  private static final Set<Status.Code> PERMANENT = Set.of(Status.Code.INVALID_ARGUMENT);

  private final InboundEventStore store;
  private final CamundaClient client;
  private final TransactionTemplate tx;
  private final TextbackProperties.Relay settings;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  public MessageRelay(InboundEventStore store, CamundaClient client, TransactionTemplate tx, TextbackProperties properties) {
    this.store = store;
    this.client = client;
    this.tx = tx;
    this.settings = properties.relay();
  }

  /** A webhook stored a message: publish it now rather than at the next poll. */
  public void wake() {
    wakeUp.release();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("message-relay").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    wakeUp.release();
    try {
      thread.join(PUBLISH_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    Duration backoff = settings.initialBackoff();
    while (running) {
      boolean allPublished;
      try {
        allPublished = publishBatch();
      } catch (RuntimeException e) {
        LOG.warn("Message relay could not read its queue: {}", e.getMessage());
        allPublished = false;
      }
      try {
        if (allPublished) {
          backoff = settings.initialBackoff();
          wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        } else {
          Thread.sleep(backoff.toMillis());
          backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Publishes what is waiting, in order; stops at the first failure so order is kept. */
  boolean publishBatch() {
    Boolean done = tx.execute(status -> {
      List<StoredMessage> batch = store.lockNextToPublish(BATCH);
      for (StoredMessage stored : batch) {
        if (!publish(stored)) {
          return false;
        }
      }
      return batch.size() < BATCH;
    });
    return Boolean.TRUE.equals(done);
  }

  private boolean publish(StoredMessage stored) {
    PendingMessage m = stored.message();
    try {
      client.newPublishMessageCommand().messageName(m.name()).correlationKey(m.correlationKey())
          .messageId(m.messageId()).timeToLive(m.ttl()).variables(m.variables())
          .send().join(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      store.markPublished(stored.id());
      LOG.debug("Published {} ({})", m.name(), m.messageId());
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        // the engine still holds this message id: it was published before
        store.markPublished(stored.id());
        return true;
      }
      if (PERMANENT.contains(e.getStatusCode())) {
        LOG.error("Engine refused {} ({}) for good: {}", m.name(), m.messageId(), e.getMessage());
        store.markDead(stored.id(), e.getMessage());
        return true;
      }
      return failed(stored, e);
    } catch (RuntimeException e) {
      return failed(stored, e);
    }
  }

  private boolean failed(StoredMessage stored, RuntimeException e) {
    store.markFailed(stored.id(), String.valueOf(e.getMessage()));
    if (stored.attempts() == 0 || stored.attempts() % 20 == 0) {
      LOG.warn("Engine unreachable; {} ({}) kept for retry: {}", stored.message().name(),
          stored.message().messageId(), e.getMessage());
    }
    return false;
  }
}
