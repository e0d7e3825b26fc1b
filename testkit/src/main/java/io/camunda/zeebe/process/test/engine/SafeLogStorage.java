package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's in-memory log, as zeebe-process-test's InMemoryLogStorage keeps it (one entry per
 * append, found by its lowest position), but safe to read while it is written. InMemoryLogStorage
 * appends to a plain ArrayList that the stream processor reads from another thread: under load a
 * reader saw the new size before the entry, read null, and the engine's stream processor died
 * (NullPointerException in ListLogStorageReader.next; every later command timed out). It extends
 * InMemoryLogStorage only because EngineStateMonitor takes one; every method is overridden.
 */
final class SafeLogStorage extends InMemoryLogStorage {
  private final ConcurrentSkipListMap<Long, Integer> positionIndex = new ConcurrentSkipListMap<>();
  private final List<ByteBuffer> entries = new ArrayList<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<CommitListener> commitListeners = ConcurrentHashMap.newKeySet();

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    ByteBuffer buffer = ByteBuffer.allocate(writer.getLength());
    writer.write(new UnsafeBuffer(buffer), 0);
    append(lowestPosition, highestPosition, buffer, listener);
  }

  @Override
  public void append(long lowestPosition, long highestPosition, ByteBuffer buffer, AppendListener listener) {
    int size;
    lock.writeLock().lock();
    try {
      entries.add(buffer);
      size = entries.size();
    } finally {
      lock.writeLock().unlock();
    }
    positionIndex.put(lowestPosition, size);
    listener.onWrite(size, highestPosition);
    listener.onCommit(size, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  private int size() {
    lock.readLock().lock();
    try {
      return entries.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  private ByteBuffer entry(int index) {
    lock.readLock().lock();
    try {
      return entries.get(index);
    } finally {
      lock.readLock().unlock();
    }
  }

  private final class Reader implements LogStorageReader {
    private int index;

    @Override
    public void seek(long position) {
      Map.Entry<Long, Integer> lower = positionIndex.lowerEntry(position);
      index = lower == null ? 0 : lower.getValue() - 1;
    }

    @Override
    public void close() {}

    @Override
    public boolean hasNext() {
      return index >= 0 && index < size();
    }

    @Override
    public DirectBuffer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return new UnsafeBuffer(entry(index++));
    }
  }
}
