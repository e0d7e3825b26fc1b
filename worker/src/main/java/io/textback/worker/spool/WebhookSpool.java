package io.textback.worker.spool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textback.worker.database.DatabaseHealth;
import io.textback.worker.database.DatabaseUnavailable;
import io.textback.worker.web.RequestRejectedException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Twilio does not send a call's callbacks or a lead's text again, so a webhook that finds PostgreSQL
 * down is written here, forced to disk, and answered as it would be with the database up; {@link
 * SpoolDrain} replays it through the same controller work once PostgreSQL answers. While anything
 * waits here, new webhooks queue behind it, so a STOP is read before what followed it.
 */
@Component
public class WebhookSpool {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSpool.class);
  private static final Duration FULL_RETRY_AFTER = Duration.ofSeconds(30);

  private final SpoolJournal journal;
  private final ObjectMapper json;
  private final Path directory;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final DatabaseHealth database;

  public WebhookSpool(SpoolProperties properties, ObjectMapper json, DatabaseHealth database) throws IOException {
    this.json = json;
    this.database = database;
    this.directory = properties.directory().toAbsolutePath();
    java.nio.file.Files.createDirectories(directory);
    lockFile = FileChannel.open(directory.resolve("worker.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      lockFile.close();
      throw new IllegalStateException("another running worker uses the spool folder " + directory
          + ": give each worker its own textback.spool.directory (TEXTBACK_SPOOL_DIRECTORY)");
    }
    lock = taken;
    journal = new SpoolJournal(directory, properties.maxSize().toBytes());
    if (!journal.isEmpty()) {
      LOG.warn("The spool holds {} webhooks from before this start; they are read into PostgreSQL first", journal.records());
    }
  }

  /**
   * Runs a webhook's storing {@code work}, or spools the webhook for later when PostgreSQL is down or
   * older webhooks still wait. A replayed webhook always runs, and its failures reach the drain.
   */
  public void record(WebhookReceipt receipt, Runnable work) {
    answer(receipt, () -> {
      work.run();
      return null;
    }, () -> null);
  }

  /**
   * The answer {@code work} gives, or (its webhook spooled, as {@link #record}) the answer that
   * needs no database.
   */
  public String answer(WebhookReceipt receipt, Supplier<String> work, Supplier<String> withoutDatabase) {
    if (receipt.replayed()) {
      return work.get();
    }
    if (!journal.isEmpty()) {
      append(receipt, "older webhooks wait in the spool");
      return withoutDatabase.get();
    }
    if (!database.lastKnownUp() && !database.isUp()) {
      // known down (asked again at most once a second while it is): not another wait for the pool's timeout
      append(receipt, "PostgreSQL is unavailable");
      return withoutDatabase.get();
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.is(e)) {
        throw e;
      }
      append(receipt, "PostgreSQL is unavailable (" + e.getClass().getSimpleName() + ")");
      return withoutDatabase.get();
    }
  }

  /** Webhooks waiting to be read into PostgreSQL: no text may go out before they are. */
  public boolean isHolding() {
    return !journal.isEmpty();
  }

  public long waiting() {
    return journal.records();
  }

  SpoolJournal journal() {
    return journal;
  }

  byte[] write(WebhookReceipt receipt) {
    try {
      return json.writeValueAsBytes(new SpooledWebhook(receipt.path(), receipt.params(), receipt.receivedAt().toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a webhook's parameters could not be written as JSON", e);
    }
  }

  WebhookReceipt read(byte[] record) throws IOException {
    SpooledWebhook spooled = json.readValue(record, SpooledWebhook.class);
    if (spooled.path() == null || spooled.params() == null || spooled.receivedAt() == null) {
      throw new IOException("a spool record lacks its path, parameters or time");
    }
    return new WebhookReceipt(spooled.path(), spooled.params(), java.time.Instant.parse(spooled.receivedAt()), true);
  }

  /** How a webhook is kept on disk. */
  record SpooledWebhook(String path, Map<String, String> params, String receivedAt) {}

  private void append(WebhookReceipt receipt, String why) {
    String what = receipt.path() + " " + sidOf(receipt.params());
    try {
      journal.append(write(receipt));
    } catch (SpoolFullException e) {
      LOG.error("Webhook {} REFUSED: {}. PostgreSQL has been unreachable for long; Twilio is answered 503", what, e.getMessage());
      throw new RequestRejectedException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), FULL_RETRY_AFTER);
    } catch (IOException e) {
      LOG.error("Webhook {} REFUSED: the spool in {} cannot be written ({})", what, directory, e.toString());
      throw new RequestRejectedException(HttpStatus.SERVICE_UNAVAILABLE,
          "the database is unavailable and the webhook spool cannot be written", FULL_RETRY_AFTER);
    }
    LOG.warn("Webhook {} spooled to disk: {} ({} waiting)", what, why, journal.records());
  }

  /** The provider's id of the event, safe to log (never a phone number or a text). */
  private static String sidOf(Map<String, String> params) {
    for (String key : new String[] {"MessageSid", "SmsSid", "CallSid"}) {
      if (params.get(key) != null) {
        return params.get(key);
      }
    }
    return "";
  }

  @PreDestroy
  void close() throws IOException {
    journal.close();
    lock.release();
    lockFile.close();
  }

  @Override
  public String toString() {
    return "WebhookSpool[" + directory + "]";
  }
}
