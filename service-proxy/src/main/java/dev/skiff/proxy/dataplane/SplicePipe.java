package dev.skiff.proxy.dataplane;

import io.netty.channel.epoll.Native;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;

/**
 * A kernel pipe that a relay splices a stream through: splice(2) moves the socket's pages into the
 * pipe and from the pipe into the peer's socket, so the bytes are never copied into this process.
 * Reference-counted, because the relay that fills it and the {@link PipeRegion}s still queued on
 * the peer may end in any order: the file descriptors close when the last of them lets go (closing
 * them earlier could let a queued region splice into a reused descriptor number).
 *
 * <p>Confined to one event loop; non-blocking (Netty opens it with O_NONBLOCK).
 */
final class SplicePipe {
  private final FileDescriptor readEnd;
  private final FileDescriptor writeEnd;
  private int references = 1;

  private SplicePipe(FileDescriptor[] ends) {
    this.readEnd = ends[0];
    this.writeEnd = ends[1];
  }

  static SplicePipe open() throws IOException {
    return new SplicePipe(FileDescriptor.pipe());
  }

  /** Moves up to {@code max} bytes from socket {@code fd} in; 0 when it has none or we are full. */
  int fill(int fd, int max) throws IOException {
    return Native.splice(fd, -1, writeEnd.intValue(), -1, max);
  }

  /** Moves up to {@code max} bytes out to socket {@code fd}; 0 when its send buffer is full. */
  int drain(int fd, long max) throws IOException {
    return Native.splice(readEnd.intValue(), -1, fd, -1, max);
  }

  SplicePipe retain() {
    references++;
    return this;
  }

  void release() {
    if (--references == 0) {
      closeQuietly(readEnd);
      closeQuietly(writeEnd);
    }
  }

  private static void closeQuietly(FileDescriptor fd) {
    try {
      fd.close();
    } catch (IOException ignored) {
      // nothing to recover: the descriptor is gone either way
    }
  }
}
