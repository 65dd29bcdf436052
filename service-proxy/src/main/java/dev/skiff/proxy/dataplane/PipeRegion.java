package dev.skiff.proxy.dataplane;

import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * {@code count} bytes waiting in a {@link SplicePipe}, written to the peer like any other message:
 * the peer's outbound buffer keeps it in order with the byte buffers around it, and the epoll
 * transport retries it when the socket becomes writable (a transfer of 0 means "send buffer full").
 * Regions of one pipe are written in the order they were filled, so each takes exactly its own
 * bytes from the front of the pipe.
 */
final class PipeRegion extends AbstractReferenceCounted implements FileRegion {
  private final SplicePipe pipe;
  private final int socket;
  private final long count;
  private long transferred;

  /**
   * @param socket the file descriptor of the peer's socket
   */
  PipeRegion(SplicePipe pipe, int socket, long count) {
    this.pipe = pipe.retain();
    this.socket = socket;
    this.count = count;
  }

  @Override
  public long transferTo(WritableByteChannel target, long position) throws IOException {
    long moved = pipe.drain(socket, count - transferred);
    transferred += moved;
    return moved;
  }

  @Override
  public long position() {
    return 0;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long transferred() {
    return transferred;
  }

  @Deprecated
  @Override
  public long transfered() {
    return transferred;
  }

  @Override
  protected void deallocate() {
    pipe.release();
  }

  @Override
  public PipeRegion retain() {
    super.retain();
    return this;
  }

  @Override
  public PipeRegion retain(int increment) {
    super.retain(increment);
    return this;
  }

  @Override
  public PipeRegion touch() {
    return this;
  }

  @Override
  public PipeRegion touch(Object hint) {
    return this;
  }
}
