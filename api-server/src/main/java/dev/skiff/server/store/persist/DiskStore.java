package dev.skiff.server.store.persist;

import static java.nio.file.StandardOpenOption.READ;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable map from String keys to byte[] values, plus the largest change-log sequence handed out,
 * in one append-only {@link LogFile} ({@code objects.log}) in a directory this process locks.
 *
 * <p>Durability: every write reaches the kernel (one {@code write} call) before it returns, so a
 * killed process loses nothing it acknowledged; a maintenance thread forces the file to the disk
 * every {@link DiskStoreOptions#syncInterval()} (a power loss costs at most that much) and rewrites
 * the log without dead records when more than half of it is dead. Compaction copies the live
 * records into {@code objects.log.compacting} while writers go on appending to the old file, then,
 * briefly holding the writers' lock, copies what they appended meanwhile and renames the new file
 * over the old one; a crash at any point leaves one complete log.
 *
 * <p>Thread-safe. Blocking: call it from Hazelcast's or worker threads, never an event loop.
 */
final class DiskStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStore.class);
  static final String LOG_FILE = "objects.log";
  static final String COMPACTING = "objects.log.compacting";

  private final Path dir;
  private final DiskStoreOptions options;
  private final DirectoryLock lock;
  private LogIndex index = new LogIndex();
  private final Object maintenance = new Object();
  private final ScheduledExecutorService thread;
  private LogFile log;
  private StoreDamage repaired;
  private long nextNumber;
  private long unsynced;
  private boolean closed;

  private DiskStore(Path dir, DiskStoreOptions options, DirectoryLock lock) {
    this.dir = dir;
    this.options = options;
    this.lock = lock;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "skiff-store-sync");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Opens (creating if needed) the store in {@code dir}, reading the log back. A log of the
   * previous format is rewritten in the current one. A damaged log is refused unless {@link
   * DiskStoreOptions#repair()}: then the readable state is kept (see {@link StoreDamage}), the
   * damaged file is kept beside it as {@code objects.log.damaged-MILLIS}, and a new log holds that
   * state.
   *
   * @throws DamagedStoreException when the log is damaged and repair is off
   * @throws IllegalStateException when another store holds the directory
   */
  static DiskStore open(Path dir, DiskStoreOptions options) throws IOException {
    PrivateFiles.createDirectories(dir);
    DiskStore store = new DiskStore(dir, options, DirectoryLock.acquire(dir));
    try {
      Files.deleteIfExists(dir.resolve(COMPACTING));
      store.load();
    } catch (IOException | RuntimeException e) {
      store.release();
      throw e;
    }
    long every = options.syncInterval().toMillis();
    store.thread.scheduleWithFixedDelay(store::maintain, every, every, TimeUnit.MILLISECONDS);
    LOG.info(
        "store {}: {} objects, sequence {}, {} bytes",
        dir,
        store.index.size(),
        store.index.largestSequence(),
        store.log.size());
    return store;
  }

  private void load() throws IOException {
    Path file = dir.resolve(LOG_FILE);
    log = LogFile.open(file, index::apply);
    LogFile.Recovery recovery = log.recovery();
    if (recovery.version() < LogFile.VERSION) {
      rewrite(null);
      LOG.info("store {}: migrated {} to log format version {}", dir, file, LogFile.VERSION);
    } else if (endsInOneUnfinishedWrite(recovery.damage(), log.size())) {
      // A kill during a write leaves its record cut off at the end of the file. That write never
      // returned, so nothing it did was acknowledged: drop it, as a write-ahead log does, and keep
      // everything before it (no refusal, no --repair). The change-log sequence still moves on,
      // in case the cut record was one.
      LogFile.Damage tail = recovery.damage().get(0);
      index.raiseSequence(index.largestSequence() + StoreDamage.SEQUENCE_MARGIN);
      rewrite(null);
      LOG.warn(
          "store {}: dropped an unfinished write ({} bytes at offset {}) at the end of {}",
          dir,
          tail.bytes(),
          tail.offset(),
          file);
    } else if (!recovery.damage().isEmpty()) {
      StoreDamage damage = StoreDamage.apply(file, recovery.damage(), index);
      if (!options.repair()) {
        throw new DamagedStoreException(damage.describe());
      }
      Path aside = file.resolveSibling(LOG_FILE + ".damaged-" + System.currentTimeMillis());
      rewrite(aside);
      repaired = damage;
      LOG.error(
          "store {}: repaired: {}; the damaged file is kept as {}", dir, damage.describe(), aside);
    }
    nextNumber = index.largestNumber() + 1;
  }

  /**
   * Writes the live state (and the largest sequence) as a new log that replaces the current one,
   * after copying the current one to {@code aside} if that is given, and reads it back.
   */
  /** One damaged stretch that runs to the end of the file: the write a kill cut short. */
  private static boolean endsInOneUnfinishedWrite(List<LogFile.Damage> damage, long fileSize) {
    if (damage.size() != 1) {
      return false;
    }
    LogFile.Damage d = damage.get(0);
    return d.offset() + d.bytes() == fileSize && (d.record() != null || d.torn());
  }

  private void rewrite(Path aside) throws IOException {
    Path compacting = dir.resolve(COMPACTING);
    long number = index.largestNumber() + 1;
    try (LogFile next = LogFile.create(compacting)) {
      if (index.largestSequence() >= 0) {
        next.append(LogRecord.sequence(index.largestSequence()).numbered(number++).encode());
      }
      for (Map.Entry<String, LogIndex.Location> entry : index.inFileOrder()) {
        byte[] value = valueAt(entry.getValue());
        next.append(LogRecord.put(entry.getKey(), value).numbered(number++).encode());
      }
      next.force();
    }
    log.close();
    Path file = dir.resolve(LOG_FILE);
    if (aside != null) {
      copyPrivately(file, aside);
    }
    Files.move(
        compacting, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
    index = new LogIndex();
    log = LogFile.open(file, index::apply);
  }

  /** Copies {@code from} to a new 0600 file {@code to}, through the kernel (not the heap). */
  private static void copyPrivately(Path from, Path to) throws IOException {
    try (FileChannel in = FileChannel.open(from, READ);
        FileChannel out =
            PrivateFiles.open(
                to,
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
      long size = in.size();
      for (long done = 0; done < size; ) {
        done += in.transferTo(done, size - done, out);
      }
      out.force(false);
    }
  }

  /** The value of the PUT at {@code at}, in the open log's format. */
  private byte[] valueAt(LogIndex.Location at) throws IOException {
    if (log.recovery().version() == 1) {
      byte[] record = log.read(at.offset(), at.size());
      return LogRecord.decodeV1(Arrays.copyOfRange(record, 8, record.length), 0).value();
    }
    return log.record(at.offset(), at.size()).value();
  }

  /** What repairing the log on opening dropped, or null if it needed no repair. */
  StoreDamage repaired() {
    return repaired;
  }

  void put(String key, byte[] value) {
    append(LogRecord.put(key, value));
  }

  void delete(String key) {
    append(LogRecord.delete(key));
  }

  /** Records that the change log handed out {@code sequence}. */
  void sequence(long sequence) {
    append(LogRecord.sequence(sequence));
  }

  /** The largest sequence ever recorded, or -1 for a new store. */
  synchronized long largestSequence() {
    return index.largestSequence();
  }

  synchronized Set<String> keys() {
    return index.keys();
  }

  /** The value stored under {@code key}, or null. */
  synchronized byte[] get(String key) {
    LogIndex.Location at = index.get(key);
    if (at == null) {
      return null;
    }
    try {
      return log.record(at.offset(), at.size()).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized long fileSize() {
    return log.size();
  }

  /** Forces what was written to the disk, if anything was. */
  void sync() throws IOException {
    synchronized (maintenance) {
      LogFile current;
      long pending;
      synchronized (this) {
        if (closed || unsynced == 0) {
          return;
        }
        current = log;
        pending = unsynced;
        unsynced = 0;
      }
      try {
        current.force();
      } catch (IOException e) {
        synchronized (this) {
          unsynced += pending;
        }
        throw e;
      }
    }
  }

  /** Whether more than half of a log larger than the configured minimum is dead records. */
  synchronized boolean compactionDue() {
    return log.size() > options.compactionMinBytes() && log.size() > 2 * index.liveBytes();
  }

  /** Rewrites the log with only the live records (see the class comment). */
  void compact() throws IOException {
    synchronized (maintenance) {
      LogFile old;
      long copiedUpTo;
      long sequence;
      List<Map.Entry<String, LogIndex.Location>> live;
      long number;
      synchronized (this) {
        if (closed) {
          return;
        }
        old = log;
        copiedUpTo = log.size();
        sequence = index.largestSequence();
        live = index.inFileOrder();
        number = nextNumber++;
      }
      Path compacting = dir.resolve(COMPACTING);
      LogFile next = LogFile.create(compacting);
      try {
        Map<String, LogIndex.Location> moved = copy(old, live, sequence, number, next);
        next.force();
        synchronized (this) {
          long tailStart = next.size();
          if (old.size() > copiedUpTo) {
            next.append(ByteBuffer.wrap(old.read(copiedUpTo, (int) (old.size() - copiedUpTo))));
          }
          LogFile replaced = next.moveTo(dir.resolve(LOG_FILE));
          index.relocate(moved, copiedUpTo, tailStart);
          log = replaced;
          unsynced = log.size() - tailStart;
        }
      } catch (IOException | RuntimeException e) {
        next.close();
        Files.deleteIfExists(compacting);
        throw e;
      }
      old.close();
      log.force();
      syncDirectory();
      LOG.debug("store {}: compacted {} bytes to {}", dir, copiedUpTo, log.size());
    }
  }

  /** Forces the log to the disk and releases the directory; later writes fail. */
  @Override
  public void close() {
    // No interrupt: an interrupted FileChannel operation closes the channel. A running sync or
    // compaction finishes first (it holds the maintenance lock); scheduled ones are dropped.
    thread.shutdown();
    synchronized (maintenance) {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      try {
        log.force();
      } catch (IOException e) {
        LOG.warn("store {}: final sync failed: {}", dir, e.toString());
      }
      release();
    }
  }

  private synchronized void append(LogRecord record) {
    if (closed) {
      throw new IllegalStateException("store " + dir + " is closed");
    }
    LogRecord numbered = record.numbered(nextNumber++);
    ByteBuffer bytes = numbered.encode();
    int size = bytes.remaining();
    try {
      long offset = log.append(bytes);
      index.apply(numbered, offset, size);
      unsynced += size;
    } catch (IOException e) {
      throw new UncheckedIOException("store " + dir + ": write failed", e);
    }
  }

  private static Map<String, LogIndex.Location> copy(
      LogFile from,
      List<Map.Entry<String, LogIndex.Location>> live,
      long sequence,
      long number,
      LogFile to)
      throws IOException {
    if (sequence >= 0) {
      to.append(LogRecord.sequence(sequence).numbered(number).encode());
    }
    Map<String, LogIndex.Location> moved = new HashMap<>(live.size() * 2);
    for (Map.Entry<String, LogIndex.Location> entry : live) {
      LogIndex.Location at = entry.getValue();
      long offset = to.append(ByteBuffer.wrap(from.read(at.offset(), at.size())));
      moved.put(entry.getKey(), new LogIndex.Location(offset, at.size()));
    }
    return moved;
  }

  private void maintain() {
    try {
      sync();
      if (compactionDue()) {
        compact();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("store {}: sync or compaction failed, retrying later: {}", dir, e.toString());
    }
  }

  private void syncDirectory() {
    try (FileChannel directory = FileChannel.open(dir, READ)) {
      directory.force(true);
    } catch (IOException e) {
      LOG.debug("store {}: cannot sync the directory: {}", dir, e.toString());
    }
  }

  private void release() {
    try {
      if (log != null) {
        log.close();
      }
      lock.close();
    } catch (IOException e) {
      LOG.warn("store {}: closing failed: {}", dir, e.toString());
    }
  }
}
