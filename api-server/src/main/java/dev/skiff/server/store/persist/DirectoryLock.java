package dev.skiff.server.store.persist;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;

/**
 * An exclusive lock on a directory (an OS lock on its {@code lock} file), so two stores never write
 * the same log. The OS drops it when the process dies, however it dies.
 */
final class DirectoryLock implements AutoCloseable {
  static final String LOCK_FILE = "lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws IllegalStateException when a store in this or another process holds the directory
   */
  static DirectoryLock acquire(Path dir) throws IOException {
    FileChannel channel = PrivateFiles.open(dir.resolve(LOCK_FILE), CREATE, READ, WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(dir + " is in use by another store (another skiff process?)");
    }
    return new DirectoryLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
