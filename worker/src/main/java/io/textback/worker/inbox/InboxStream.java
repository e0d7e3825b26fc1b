package io.textback.worker.inbox;

import io.textback.worker.conversation.ConversationChanged;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open inbox pages hear of each change to their business's conversations as a server-sent event
 * ({@code changed}, with the conversation's id), so a lead's text shows without a reload. A change
 * made in this worker is sent after its commit; one made by another worker sharing the database is
 * found by a look at the newest text every {@link #OTHER_WORKERS} while a page is open.
 */
@Component
public class InboxStream {
  static final Duration OTHER_WORKERS = Duration.ofSeconds(2);
  static final Duration HEARTBEAT = Duration.ofSeconds(20);
  /** A page reconnects by itself (EventSource does) after this; no emitter lives for ever. */
  static final Duration EMITTER_LIFETIME = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(InboxStream.class);
  private final Map<String, Set<SseEmitter>> pages = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "inbox-stream");
    t.setDaemon(true);
    return t;
  });
  private final JdbcClient jdbc;
  private final io.textback.worker.conversation.ConversationStore conversations;
  private volatile long newestText = -1;

  public InboxStream(JdbcClient jdbc, io.textback.worker.conversation.ConversationStore conversations) {
    this.jdbc = jdbc;
    this.conversations = conversations;
    sender.scheduleWithFixedDelay(this::lookForOtherWorkers, OTHER_WORKERS.toMillis(), OTHER_WORKERS.toMillis(),
        TimeUnit.MILLISECONDS);
    sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  public SseEmitter subscribe(String businessId) {
    SseEmitter emitter = new SseEmitter(EMITTER_LIFETIME.toMillis());
    Set<SseEmitter> set = pages.computeIfAbsent(businessId, b -> new CopyOnWriteArraySet<>());
    set.add(emitter);
    Runnable remove = () -> set.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    sender.execute(() -> send(businessId, emitter, SseEmitter.event().name("ready").data("{}")));
    return emitter;
  }

  @TransactionalEventListener(fallbackExecution = true)
  public void changed(ConversationChanged change) {
    if (openPages() == 0) {
      return; // nobody is watching: not even the business is looked up
    }
    String businessId = change.businessId() != null ? change.businessId()
        : change.conversationId() == null ? null : conversations.businessOf(change.conversationId()).orElse(null);
    Set<SseEmitter> set = businessId == null ? null : pages.get(businessId);
    if (set == null || set.isEmpty()) {
      return;
    }
    String data = "{\"conversationId\":" + change.conversationId() + "}";
    // sent from the stream's own thread: a slow page never holds up the webhook that made the change
    sender.execute(() -> set.forEach(e -> send(businessId, e, SseEmitter.event().name("changed").data(data))));
  }

  /** How many inbox pages are open now (the figures and the tests read it). */
  public int openPages() {
    return pages.values().stream().mapToInt(Set::size).sum();
  }

  private void lookForOtherWorkers() {
    try {
      if (openPages() == 0) {
        newestText = -1;
        return;
      }
      long before = newestText;
      if (before < 0) {
        newestText = jdbc.sql("select coalesce(max(id), 0) from conversation_message").query(Long.class).single();
        return;
      }
      jdbc.sql("select business_id, max(id) from conversation_message where id > :id group by business_id")
          .param("id", before)
          .query((rs, i) -> {
            newestText = Math.max(newestText, rs.getLong(2));
            changed(new ConversationChanged(rs.getString(1), null));
            return null;
          }).list();
    } catch (RuntimeException e) {
      LOG.debug("Inbox stream could not look for other workers' texts: {}", e.toString());
    }
  }

  private void heartbeat() {
    pages.forEach((business, set) -> set.forEach(e -> send(business, e, SseEmitter.event().comment("keep-alive"))));
  }

  private void send(String businessId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException e) {
      // the page went away; its emitter is done
      Set<SseEmitter> set = pages.get(businessId);
      if (set != null) {
        set.remove(emitter);
      }
      emitter.completeWithError(e);
    }
  }

  /**
   * Ends every open stream when the worker begins to stop: the web server's graceful shutdown waits
   * for open requests, and a page's stream would hold it for the whole grace period. The page reconnects
   * to another worker, or to this one when it is back.
   */
  @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
  public void closeStreams() {
    pages.values().forEach(set -> set.forEach(SseEmitter::complete));
    pages.clear();
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
  }
}
