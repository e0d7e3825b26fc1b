package io.textback.worker.spool;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only journal of records on local disk, durable once {@link #append} returns: each record
 * is written and forced to the device before the caller answers anyone. A record is a magic number,
 * its length and its CRC32C, then its bytes; a {@code kill -9} in the middle of a write leaves a torn
 * record at the end, which reading stops at and opening cuts off (it was never acknowledged).
 *
 * <p>New records go to {@code current.spool}. A reader first {@link #seal seals} it (renamed to the
 * next {@code sealed-N.spool}, so appends carry on in a fresh file), reads the sealed files oldest
 * first and {@link #remove removes} each once all its records are safely elsewhere. Records a reader
 * cannot use go to {@code rejected.spool}, kept for a person.
 *
 * <p>Plain files rather than a library: the whole format is this class, and its failure modes (a torn
 * tail, a full disk, a crash between seal and remove) are each tested (SpoolJournalTest).
 */
public final class SpoolJournal implements Closeable {
  static final String CURRENT = "current.spool";
  static final String REJECTED = "rejected.spool";
  private static final String SEALED_PREFIX = "sealed-";
  private static final int MAGIC = 0x54425331; // "TBS1"
  private static final int HEADER = 12;
  /** No webhook is near this; a length above it is a torn or foreign header, not a record. */
  static final int MAX_RECORD = 1 << 20;

  private final Path directory;
  private final long maxBytes;
  private FileChannel current;
  private long bytes;
  private long records;
  private long nextSealed;

  /** Opens (or creates) the journal in {@code directory}, cutting off a torn record left by a crash. */
  public SpoolJournal(Path directory, long maxBytes) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.maxBytes = maxBytes;
    for (Path sealed : sealedFiles()) {
      Scan scan = scan(sealed);
      bytes += Files.size(sealed);
      records += scan.records().size();
      nextSealed = Math.max(nextSealed, sequenceOf(sealed) + 1);
    }
    Path file = directory.resolve(CURRENT);
    current = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    Scan scan = scan(file);
    if (scan.validBytes() < current.size()) {
      current.truncate(scan.validBytes());
      current.force(true);
    }
    current.position(scan.validBytes());
    bytes += scan.validBytes();
    records += scan.records().size();
  }

  /**
   * Appends one record and forces it to disk.
   *
   * @throws SpoolFullException when the journal would grow past its cap; nothing is written
   */
  public synchronized void append(byte[] record) throws IOException {
    if (record.length > MAX_RECORD) {
      throw new IllegalArgumentException("a spool record is at most " + MAX_RECORD + " bytes, not " + record.length);
    }
    long size = HEADER + record.length;
    if (bytes + size > maxBytes) {
      throw new SpoolFullException(bytes, maxBytes);
    }
    ByteBuffer buffer = frame(record);
    long start = current.position();
    try {
      while (buffer.hasRemaining()) {
        current.write(buffer);
      }
      current.force(false);
    } catch (IOException e) {
      // a full disk or a failing device: the next record goes where this one started, over any part of it
      try {
        current.truncate(start);
      } finally {
        current.position(start);
      }
      throw e;
    }
    bytes += size;
    records++;
  }

  /** Nothing is waiting to be read: no sealed file and no record in the current one. */
  public synchronized boolean isEmpty() {
    return records == 0;
  }

  /** Records waiting, sealed or not. */
  public synchronized long records() {
    return records;
  }

  /** Bytes waiting, sealed or not (the cap's measure). */
  public synchronized long bytes() {
    return bytes;
  }

  /**
   * Seals the current file when it holds records, and lists every sealed file, oldest first: what a
   * reader takes next. Appends after this go to a new current file.
   */
  public synchronized List<Path> seal() throws IOException {
    if (current.size() > 0) {
      current.close();
      Path sealed = directory.resolve(String.format("%s%020d.spool", SEALED_PREFIX, nextSealed++));
      Files.move(directory.resolve(CURRENT), sealed, StandardCopyOption.ATOMIC_MOVE);
      current = FileChannel.open(directory.resolve(CURRENT), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      forceDirectory();
    }
    return sealedFiles();
  }

  /** The records of a sealed file, in the order they were appended. */
  public List<byte[]> read(Path sealed) throws IOException {
    return scan(sealed).records();
  }

  /** Drops a sealed file whose records were all taken. */
  public synchronized void remove(Path sealed) throws IOException {
    long size = Files.size(sealed);
    int count = scan(sealed).records().size();
    Files.delete(sealed);
    bytes -= size;
    records -= count;
    forceDirectory();
  }

  /** Keeps a record no reader could use, for a person; it no longer counts as waiting. */
  public synchronized void reject(byte[] record) throws IOException {
    try (FileChannel rejected = FileChannel.open(directory.resolve(REJECTED), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = frame(record);
      while (buffer.hasRemaining()) {
        rejected.write(buffer);
      }
      rejected.force(false);
    }
  }

  /** The records kept as rejected. */
  public List<byte[]> rejected() throws IOException {
    Path file = directory.resolve(REJECTED);
    return Files.exists(file) ? scan(file).records() : List.of();
  }

  @Override
  public synchronized void close() throws IOException {
    current.close();
  }

  private static ByteBuffer frame(byte[] record) {
    CRC32C crc = new CRC32C();
    crc.update(record);
    ByteBuffer buffer = ByteBuffer.allocate(HEADER + record.length);
    buffer.putInt(MAGIC).putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
    return buffer;
  }

  private record Scan(List<byte[]> records, long validBytes) {}

  /** Every whole record from the start, stopping at the first that is torn or damaged. */
  private static Scan scan(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(all);
    List<byte[]> records = new ArrayList<>();
    while (buffer.remaining() >= HEADER) {
      int start = buffer.position();
      int magic = buffer.getInt();
      int length = buffer.getInt();
      int expected = buffer.getInt();
      if (magic != MAGIC || length < 0 || length > MAX_RECORD || length > buffer.remaining()) {
        buffer.position(start);
        break;
      }
      byte[] record = new byte[length];
      buffer.get(record);
      CRC32C crc = new CRC32C();
      crc.update(record);
      if ((int) crc.getValue() != expected) {
        buffer.position(start);
        break;
      }
      records.add(record);
    }
    return new Scan(records, buffer.position());
  }

  private List<Path> sealedFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().startsWith(SEALED_PREFIX)).sorted().toList();
    }
  }

  private static long sequenceOf(Path sealed) {
    String name = sealed.getFileName().toString();
    return Long.parseLong(name.substring(SEALED_PREFIX.length(), name.length() - ".spool".length()));
  }

  /** A rename or delete is durable only once the directory itself is forced. */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot force the spool directory " + directory, e);
    }
  }
}
