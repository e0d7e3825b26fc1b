package io.textback.worker.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's file format: what was acknowledged is read back, in order, whatever stopped the writer. */
class SpoolJournalTest {
  @TempDir Path dir;

  static byte[] record(int i) {
    return ("{\"n\":" + i + ",\"body\":\"Is anyone there? " + "x".repeat(i % 40) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  static List<String> readAll(SpoolJournal journal) throws Exception {
    List<String> all = new ArrayList<>();
    for (Path file : journal.seal()) {
      journal.read(file).forEach(r -> all.add(new String(r, StandardCharsets.UTF_8)));
    }
    return all;
  }

  @Test
  void recordsComeBackInOrder_acrossSealsAndRestarts_andRemovingEmptiesIt() throws Exception {
    try (SpoolJournal journal = new SpoolJournal(dir, 1 << 20)) {
      assertThat(journal.isEmpty()).isTrue();
      journal.append(record(1));
      journal.append(record(2));
      List<Path> first = journal.seal();
      journal.append(record(3)); // after the seal: a new current file
      assertThat(first).hasSize(1);
      assertThat(journal.records()).isEqualTo(3);
    }
    try (SpoolJournal reopened = new SpoolJournal(dir, 1 << 20)) {
      assertThat(reopened.records()).as("a sealed file not yet removed (a crash while draining) still counts").isEqualTo(3);
      List<Path> files = reopened.seal();
      assertThat(files).hasSize(2);
      assertThat(readAll(reopened)).containsExactly(new String(record(1)), new String(record(2)), new String(record(3)));
      for (Path file : files) {
        reopened.remove(file);
      }
      assertThat(reopened.isEmpty()).isTrue();
      assertThat(reopened.bytes()).isZero();
    }
  }

  @Test
  void aTornRecordAtTheEnd_isCutOffAtOpen_andTheNextAppendIsReadable() throws Exception {
    try (SpoolJournal journal = new SpoolJournal(dir, 1 << 20)) {
      journal.append(record(1));
      journal.append(record(2));
    }
    // a write cut off by kill -9: a header and part of a body, never acknowledged
    byte[] whole = Files.readAllBytes(dir.resolve(SpoolJournal.CURRENT));
    int one = whole.length / 2;
    byte[] torn = java.util.Arrays.copyOfRange(whole, one, one + 20);
    Files.write(dir.resolve(SpoolJournal.CURRENT), torn, StandardOpenOption.APPEND);

    try (SpoolJournal reopened = new SpoolJournal(dir, 1 << 20)) {
      assertThat(reopened.records()).isEqualTo(2);
      reopened.append(record(3));
      assertThat(readAll(reopened)).containsExactly(new String(record(1)), new String(record(2)), new String(record(3)));
    }
  }

  @Test
  void aFullSpoolRefuses_andWritesNothing() throws Exception {
    try (SpoolJournal journal = new SpoolJournal(dir, 200)) {
      journal.append(record(1));
      journal.append(record(2));
      long bytes = journal.bytes();
      assertThatThrownBy(() -> {
        for (int i = 3; i < 10; i++) {
          journal.append(record(i));
        }
      }).isInstanceOf(SpoolFullException.class).hasMessageContaining("spool is full");
      assertThat(journal.bytes()).isLessThanOrEqualTo(200).isGreaterThanOrEqualTo(bytes);
      assertThat(Files.size(dir.resolve(SpoolJournal.CURRENT))).as("no part of a refused record").isEqualTo(journal.bytes());
      long kept = journal.records();
      assertThat(readAll(journal)).hasSize((int) kept);
    }
  }

  @Test
  void aRejectedRecordIsKept_andNoLongerWaits() throws Exception {
    try (SpoolJournal journal = new SpoolJournal(dir, 1 << 20)) {
      journal.append(record(1));
      Path file = journal.seal().get(0);
      journal.reject(journal.read(file).get(0));
      journal.remove(file);
      assertThat(journal.isEmpty()).isTrue();
      assertThat(journal.rejected()).hasSize(1);
    }
  }

  /** Writes records until killed, saying "acked N" once each append has returned. */
  public static void main(String[] args) throws Exception {
    try (SpoolJournal journal = new SpoolJournal(Path.of(args[0]), 1 << 26)) {
      for (int i = 0; ; i++) {
        journal.append(record(i));
        System.out.println("acked " + i);
        System.out.flush();
      }
    }
  }

  @Test
  void killedWithSigkillMidStream_everyAcknowledgedRecordIsThere() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SpoolJournalTest.class.getName(),
        dir.toString()).redirectErrorStream(true).start();
    int acked = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("acked ")) {
          acked = Integer.parseInt(line.substring(6));
          if (acked >= 200) {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-write
            break;
          }
        }
      }
    }
    assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(acked).as("the writer ran").isGreaterThanOrEqualTo(200);

    try (SpoolJournal reopened = new SpoolJournal(dir, 1 << 26)) {
      List<String> all = readAll(reopened);
      assertThat(all.size()).as("every acknowledged record, perhaps one more written before the kill")
          .isGreaterThanOrEqualTo(acked + 1);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i)).isEqualTo(new String(record(i), StandardCharsets.UTF_8));
      }
    }
  }
}
