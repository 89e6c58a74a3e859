package br.com.regua.devkit.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's log in an append-only file, as a broker keeps its own: every block the
 * engine appends (a batch of records between two positions) is written at the end of the file
 * before the engine hears it is committed, so a process killed at any point restarts with every
 * record it had acknowledged, and the engine rebuilds its state by replaying them.
 *
 * <p>Each block is {@code [int length][int crc32c][long lowestPosition][long highestPosition]}
 * followed by its bytes. At open the file is read through once to index the blocks; a last block
 * cut short by a kill (shorter than its length, or with a wrong checksum) is cut off. The index (24
 * bytes a block) is all that stays in memory: readers read the blocks from the file, which the
 * operating system caches.
 *
 * <p>Appends are serialised; any number of readers, on any thread, read what was committed before
 * they asked. The index is published through a volatile count after the bytes are written, and read
 * under the same lock as it grows, so a reader never sees a block that is not there — the race of
 * zeebe-process-test's in-memory log (an {@code ArrayList} read while it grows), which failed the
 * engine with {@code buffer is null}.
 */
public final class FileLogStorage implements LogStorage, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FileLogStorage.class);
  private static final int HEADER = Integer.BYTES * 2 + Long.BYTES * 2;

  private final Path file;

  /**
   * The file, read and written with plain blocking I/O under this object's lock: a {@code
   * FileChannel} is closed for every thread when one thread is interrupted while it reads, and
   * callers on request threads may be interrupted (a timeout, a shutdown).
   */
  private final RandomAccessFile channel;

  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();

  /** Per block: lowest position, file offset of its header, length of its bytes. */
  private long[] lowest = new long[1024];

  private long[] offsets = new long[1024];
  private int[] lengths = new int[1024];

  /** How many blocks readers may see; written after the block and its index entry. */
  private volatile int count;

  private long end;

  private FileLogStorage(Path file, RandomAccessFile channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens the log in the file, creating it when missing, and indexes what it holds. */
  public static FileLogStorage open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      RandomAccessFile channel = new RandomAccessFile(file.toFile(), "rw");
      FileLogStorage storage = new FileLogStorage(file, channel);
      storage.index();
      return storage;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the engine's log " + file, e);
    }
  }

  /** How many blocks the log holds. */
  public int blocks() {
    return count;
  }

  /** The log's size on disk, in bytes. */
  public long bytes() {
    return end;
  }

  private void index() throws IOException {
    long size = channel.length();
    long offset = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    while (offset + HEADER <= size) {
      header.clear();
      readFully(header, offset);
      header.flip();
      int length = header.getInt();
      int crc = header.getInt();
      long lowestPosition = header.getLong();
      header.getLong(); // highest position: the engine reads it from the records themselves
      if (length < 0 || offset + HEADER + length > size) {
        break;
      }
      ByteBuffer data = ByteBuffer.allocate(length);
      readFully(data, offset + HEADER);
      if (checksum(data.flip()) != crc) {
        break;
      }
      add(lowestPosition, offset, length);
      offset += HEADER + length;
    }
    if (offset < size) {
      log.warn(
          "The engine's log {} ends with {} bytes of a block cut short; they are dropped",
          file,
          size - offset);
      channel.setLength(offset);
    }
    end = offset;
  }

  private synchronized void readFully(ByteBuffer buffer, long position) throws IOException {
    channel.seek(position);
    channel.readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    buffer.position(buffer.limit());
  }

  private static int checksum(ByteBuffer data) {
    CRC32C crc = new CRC32C();
    crc.update(data.duplicate());
    return (int) crc.getValue();
  }

  /** Adds a block to the index; readers see it once {@link #count} is written. */
  private void add(long lowestPosition, long offset, int length) {
    int n = count;
    if (n == lowest.length) {
      lowest = Arrays.copyOf(lowest, n * 2);
      offsets = Arrays.copyOf(offsets, n * 2);
      lengths = Arrays.copyOf(lengths, n * 2);
    }
    lowest[n] = lowestPosition;
    offsets[n] = offset;
    lengths[n] = length;
    count = n + 1;
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    ByteBuffer data = ByteBuffer.allocate(writer.getLength());
    writer.write(new UnsafeBuffer(data), 0);
    append(lowestPosition, highestPosition, data, listener);
  }

  @Override
  public synchronized void append(
      long lowestPosition, long highestPosition, ByteBuffer data, AppendListener listener) {
    ByteBuffer block = ByteBuffer.allocate(HEADER + data.remaining());
    block.putInt(data.remaining());
    block.putInt(checksum(data));
    block.putLong(lowestPosition);
    block.putLong(highestPosition);
    block.put(data.duplicate());
    block.flip();
    long offset = end;
    try {
      channel.seek(end);
      channel.write(block.array(), 0, block.limit());
      end += block.limit();
    } catch (IOException e) {
      end = offset;
      throw new UncheckedIOException("cannot append to the engine's log " + file, e);
    }
    // written to the operating system, which keeps it when this process is killed
    add(lowestPosition, offset, data.remaining());
    int index = count;
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("Closing the engine's log {}: {}", file, e.getMessage());
    }
  }

  /** Reads the blocks in order from where it was sought; safe while the writer appends. */
  private final class Reader implements LogStorageReader {

    private int next;

    /**
     * Goes to the block that holds {@code position}: the last block whose lowest position is at
     * most {@code position}, or the first block.
     */
    @Override
    public void seek(long position) {
      synchronized (FileLogStorage.this) {
        next = floor(position);
      }
    }

    private int floor(long position) {
      int n = count;
      long[] index = lowest;
      int low = 0;
      int high = n - 1;
      int found = 0;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        if (index[mid] <= position) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found;
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public DirectBuffer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int block = next++;
      long offset;
      int length;
      synchronized (FileLogStorage.this) {
        offset = offsets[block];
        length = lengths[block];
      }
      ByteBuffer data = ByteBuffer.allocate(length);
      try {
        readFully(data, offset + HEADER);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the engine's log " + file, e);
      }
      return new UnsafeBuffer(data.flip());
    }

    @Override
    public void close() {}
  }
}
