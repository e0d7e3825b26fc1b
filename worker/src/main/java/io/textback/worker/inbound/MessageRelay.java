package io.textback.worker.inbound;

import io.camunda.client.CamundaClient;
import io.grpc.Status;
import io.textback.worker.TextbackProperties;
import io.textback.worker.inbound.InboundEventStore.StoredMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
      Progress progress;
      try {
        progress = publishBatch();
      } catch (RuntimeException e) {
        LOG.warn("Message relay could not read its queue: {}", e.getMessage());
        progress = Progress.FAILED;
      }
      try {
        switch (progress) {
          case MORE -> backoff = settings.initialBackoff(); // a full batch went out: take the next at once
          case DONE -> {
            backoff = settings.initialBackoff();
            wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
          }
          case FAILED -> {
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** What a batch left behind: nothing, more to publish, or messages the engine did not take. */
  enum Progress { DONE, MORE, FAILED }

  /**
   * Publishes what is waiting. Messages with the same correlation key go one after the other, in
   * the order they arrived, and a key stops at its first failure; different keys are published side
   * by side, so a burst of calls is not queued behind one engine round trip per message.
   */
  Progress publishBatch() {
    return tx.execute(status -> {
      List<StoredMessage> batch = store.lockNextToPublish(BATCH);
      Map<String, CompletableFuture<Boolean>> chains = new LinkedHashMap<>();
      Map<Long, CompletableFuture<Outcome>> outcomes = new LinkedHashMap<>();
      for (StoredMessage stored : batch) {
        CompletableFuture<Boolean> previous = chains.getOrDefault(stored.message().correlationKey(),
            CompletableFuture.completedFuture(true));
        CompletableFuture<Outcome> outcome = previous.thenCompose(ok -> ok ? send(stored)
            : CompletableFuture.completedFuture(Outcome.notTried()));
        outcomes.put(stored.id(), outcome);
        chains.put(stored.message().correlationKey(), outcome.thenApply(Outcome::published));
      }
      boolean all = true;
      for (StoredMessage stored : batch) {
        all &= record(stored, await(outcomes.get(stored.id())));
      }
      return !all ? Progress.FAILED : batch.size() < BATCH ? Progress.DONE : Progress.MORE;
    });
  }

  private CompletableFuture<Outcome> send(StoredMessage stored) {
    PendingMessage m = stored.message();
    try {
      return client.newPublishMessageCommand().messageName(m.name()).correlationKey(m.correlationKey())
          .messageId(m.messageId()).timeToLive(m.ttl()).variables(m.variables())
          .requestTimeout(PUBLISH_TIMEOUT).send().toCompletableFuture()
          .handle((response, error) -> error == null ? Outcome.ok() : Outcome.of(error));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(Outcome.of(e));
    }
  }

  private static Outcome await(CompletableFuture<Outcome> outcome) {
    try {
      return outcome.get(PUBLISH_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.of(e);
    } catch (ExecutionException | TimeoutException e) {
      return Outcome.of(e);
    }
  }

  /** Writes down what happened to one message; false when it must be tried again. */
  private boolean record(StoredMessage stored, Outcome outcome) {
    PendingMessage m = stored.message();
    if (outcome.published()) {
      store.markPublished(stored.id());
      LOG.debug("Published {} ({})", m.name(), m.messageId());
      return true;
    }
    if (outcome.error() == null) {
      return false; // an earlier message of its key failed: it waits its turn
    }
    Throwable cause = outcome.error() instanceof CompletionException || outcome.error() instanceof ExecutionException
        ? outcome.error().getCause() : outcome.error();
    Status.Code code = Status.fromThrowable(cause).getCode();
    if (code == Status.Code.ALREADY_EXISTS) {
      // the engine still holds this message id: it was published before
      store.markPublished(stored.id());
      return true;
    }
    if (PERMANENT.contains(code)) {
      LOG.error("Engine refused {} ({}) for good: {}", m.name(), m.messageId(), cause.getMessage());
      store.markDead(stored.id(), cause.getMessage());
      return true;
    }
    return failed(stored, cause);
  }

  /** What became of one publish: sent, failed with an error, or not tried (error null). */
  private record Outcome(boolean published, Throwable error) {
    static Outcome ok() {
      return new Outcome(true, null);
    }

    static Outcome of(Throwable error) {
      return new Outcome(false, error);
    }

    static Outcome notTried() {
      return new Outcome(false, null);
    }
  }

  private boolean failed(StoredMessage stored, Throwable e) {
    store.markFailed(stored.id(), String.valueOf(e.getMessage()));
    if (stored.attempts() == 0 || stored.attempts() % 20 == 0) {
      LOG.warn("Engine unreachable; {} ({}) kept for retry: {}", stored.message().name(),
          stored.message().messageId(), e.getMessage());
    }
    return false;
  }
}
