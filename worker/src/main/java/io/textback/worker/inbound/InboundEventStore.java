package io.textback.worker.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.web.RequestRejectedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbound_event table: webhooks stored once, and the messages waiting to be published. */
@Repository
public class InboundEventStore {
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public InboundEventStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Longest event key (and message id or correlation key) stored: provider ids are a few dozen
   * characters, and a longer one could not be indexed (PostgreSQL refused it as a 500; found by
   * WebhookFuzzPropertiesTest).
   */
  static final int MAX_KEY = 300;

  /** Stores the event; false when an event with the same key was stored before (a repeat). */
  public boolean storeIfNew(InboundEvent event) {
    return storeIfNew(event, null);
  }

  /**
   * Stores the event counted under {@code rateKey} unless {@code limit} events of that key arrived
   * within {@code window}; a repeat of a stored event is always taken (and stores nothing). The key is
   * locked meanwhile, so two workers cannot both take the last place.
   *
   * @return whether it was new, or (refused) how long until a place frees
   */
  @org.springframework.transaction.annotation.Transactional
  public RateLimited storeWithinRate(InboundEvent event, String rateKey, int limit, Duration window) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", rateKey).query(Object.class).single();
    if (!exists(event.eventKey())) {
      // the newest `limit` within the window; a place frees when the oldest of them leaves it
      record Recent(int count, double secondsUntilFree) {}
      Recent recent = jdbc.sql("""
              select count(*) as n, coalesce(extract(epoch from min(received_at) + make_interval(secs => :window) - now()), 0) as wait
              from (select received_at from inbound_event where rate_key = :key
                      and received_at > now() - make_interval(secs => :window) order by received_at desc limit :limit) newest""")
          .param("key", rateKey).param("window", window.toSeconds()).param("limit", limit)
          .query((rs, i) -> new Recent(rs.getInt("n"), rs.getDouble("wait"))).single();
      if (recent.count() >= limit) {
        return new RateLimited(false, Duration.ofMillis((long) (recent.secondsUntilFree() * 1000)));
      }
    }
    return new RateLimited(storeIfNew(event, rateKey), null);
  }

  /** What {@link #storeWithinRate} did: stored a new event, took a repeat, or refused ({@code retryAfter}). */
  public record RateLimited(boolean isNew, Duration retryAfter) {
    public boolean refused() {
      return retryAfter != null;
    }
  }

  /** Whether an event with this key was stored. */
  public boolean exists(String eventKey) {
    return jdbc.sql("select exists (select 1 from inbound_event where event_key = :key)").param("key", eventKey)
        .query(Boolean.class).single();
  }

  private boolean storeIfNew(InboundEvent event, String rateKey) {
    PendingMessage m = event.message().orElse(null);
    for (String key : new String[] {event.eventKey(), m == null ? null : m.messageId(), m == null ? null : m.correlationKey()}) {
      if (key != null && key.length() > MAX_KEY) {
        throw new RequestRejectedException(HttpStatus.BAD_REQUEST, "an identifier in the request is too long ("
            + key.length() + " characters; at most " + MAX_KEY + ")");
      }
    }
    int inserted = jdbc.sql("""
            insert into inbound_event (provider, event_key, kind, payload, message_name, correlation_key,
                                       message_id, message_ttl_ms, message_variables, rate_key)
            values (:provider, :key, :kind, cast(:payload as jsonb), :name, :correlationKey, :messageId,
                    :ttl, cast(:variables as jsonb), :rateKey)
            on conflict (event_key) do nothing""")
        .param("rateKey", rateKey)
        .param("provider", event.provider())
        .param("key", event.eventKey())
        .param("kind", event.kind())
        .param("payload", write(event.payload()))
        .param("name", m == null ? null : m.name())
        .param("correlationKey", m == null ? null : m.correlationKey())
        .param("messageId", m == null ? null : m.messageId())
        .param("ttl", m == null ? null : m.ttl().toMillis())
        .param("variables", m == null ? null : write(m.variables()))
        .update();
    return inserted == 1;
  }

  /** The payload of the first of these events that was stored, if any was. */
  public Optional<Map<String, String>> firstPayload(List<String> eventKeys) {
    return jdbc.sql("select payload::text from inbound_event where event_key in (:keys) order by id limit 1")
        .param("keys", eventKeys).query(String.class).optional().map(this::readPayload);
  }

  private Map<String, String> readPayload(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored payload is not a JSON object of strings", e);
    }
  }

  /** Whether a message with this name and id was ever accepted (published or waiting). */
  public boolean hasMessage(String name, String messageId) {
    return jdbc.sql("select exists(select 1 from inbound_event where message_name = :name and message_id = :id)")
        .param("name", name).param("id", messageId).query(Boolean.class).single();
  }

  /** Locks the oldest unpublished messages for this relay (others skip them). Call inside a transaction. */
  public List<StoredMessage> lockNextToPublish(int limit) {
    return jdbc.sql("""
            select id, message_name, correlation_key, message_id, message_ttl_ms, message_variables::text as vars,
                   publish_attempts
            from inbound_event
            where published_at is null and dead_at is null and message_name is not null
            order by id
            limit :limit
            for update skip locked""")
        .param("limit", limit)
        .query((rs, i) -> new StoredMessage(rs.getLong("id"), rs.getInt("publish_attempts"),
            new PendingMessage(rs.getString("message_name"), rs.getString("correlation_key"),
                rs.getString("message_id"), Duration.ofMillis(rs.getLong("message_ttl_ms")),
                read(rs.getString("vars")))))
        .list();
  }

  public void markPublished(long id) {
    jdbc.sql("update inbound_event set published_at = now(), publish_attempts = publish_attempts + 1, last_error = null where id = :id")
        .param("id", id).update();
  }

  public void markFailed(long id, String error) {
    jdbc.sql("update inbound_event set publish_attempts = publish_attempts + 1, last_error = :error where id = :id")
        .param("id", id).param("error", error).update();
  }

  /** The engine refused the message for good (it is malformed): kept for a person, never retried. */
  public void markDead(long id, String error) {
    jdbc.sql("update inbound_event set dead_at = now(), publish_attempts = publish_attempts + 1, last_error = :error where id = :id")
        .param("id", id).param("error", error).update();
  }

  public long countUnpublished() {
    return jdbc.sql("select count(*) from inbound_event where published_at is null and dead_at is null and message_name is not null")
        .query(Long.class).single();
  }

  /** A message row with its id and how often publishing it was tried. */
  public record StoredMessage(long id, int attempts, PendingMessage message) {}

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store event payload", e);
    }
  }

  private Map<String, Object> read(String value) {
    try {
      return value == null ? Map.of() : json.readValue(value, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored message variables are not JSON", e);
    }
  }
}
