package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The engine's log read while it is written, as the stream processor and the record stream read it. */
class SafeLogStorageTest {
  static final LogStorage.AppendListener NOBODY = new LogStorage.AppendListener() {};

  /** Appends entries 0..count-1 (each holding its own number) while readers follow; counts what readers saw wrong. */
  static long wrongReads(LogStorage log, int count) throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(pool.submit(() -> {
          LogStorageReader reader = log.newReader();
          long wrong = 0;
          int expected = 0;
          while (writing.get() || reader.hasNext()) {
            try {
              while (reader.hasNext()) {
                var entry = reader.next();
                if (entry.getInt(0, java.nio.ByteOrder.BIG_ENDIAN) != expected) {
                  wrong++;
                }
                expected++;
              }
            } catch (RuntimeException e) {
              wrong++;
              reader.seek(Long.MAX_VALUE); // skip to the end and carry on
              expected = -1;
            }
          }
          return wrong;
        }));
      }
      for (int i = 0; i < count; i++) {
        log.append(i + 1, i + 1, ByteBuffer.allocate(4).putInt(0, i), NOBODY);
      }
      writing.set(false);
      long wrong = 0;
      for (Future<Long> reader : readers) {
        wrong += reader.get();
      }
      return wrong;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readersFollowingTheWriter_readEveryEntryInOrder() throws Exception {
    assertThat(wrongReads(new SafeLogStorage(), 300_000)).isZero();
  }

  @Test
  void aReaderSeeksToTheEntryOfAPosition() {
    SafeLogStorage log = new SafeLogStorage();
    for (int i = 0; i < 5; i++) {
      log.append(10L * i + 1, 10L * i + 10, ByteBuffer.allocate(4).putInt(0, i), NOBODY);
    }
    LogStorageReader reader = log.newReader();

    reader.seek(25); // in the third entry (positions 21..30)

    assertThat(reader.next().getInt(0, java.nio.ByteOrder.BIG_ENDIAN)).isEqualTo(2);
    reader.seek(0);
    assertThat(reader.next().getInt(0, java.nio.ByteOrder.BIG_ENDIAN)).isEqualTo(0);
  }
}
