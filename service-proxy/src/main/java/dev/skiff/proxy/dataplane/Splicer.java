package dev.skiff.proxy.dataplane;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import java.io.IOException;

/**
 * Moves one direction of a bulk stream with splice(2): from the source socket into a {@link
 * SplicePipe}, and from there, as {@link PipeRegion}s queued in order with any byte buffers, into
 * the sink socket. Backpressure: while a region waits for the sink's send buffer, the source is not
 * read; the pipe's capacity bounds what sits in between. Only between two epoll channels on one
 * event loop (the relay's two ends always share one).
 */
final class Splicer implements ChannelFutureListener {
  private static final int MAX_FILL = 1 << 20;

  private final Channel source;
  private final int sourceFd;
  private final Channel sink;
  private final int sinkFd;
  private final SplicePipe pipe;
  private int waiting;

  private Splicer(
      AbstractEpollStreamChannel source, AbstractEpollStreamChannel sink, SplicePipe p) {
    this.source = source;
    this.sourceFd = source.fd().intValue();
    this.sink = sink;
    this.sinkFd = sink.fd().intValue();
    this.pipe = p;
  }

  /** A splicer from {@code source} to {@code sink}, or null when they cannot splice (not epoll). */
  static Splicer between(Channel source, Channel sink) {
    if (source instanceof AbstractEpollStreamChannel from
        && sink instanceof AbstractEpollStreamChannel to) {
      try {
        return new Splicer(from, to, SplicePipe.open());
      } catch (IOException noPipe) {
        return null; // out of file descriptors: copying still works
      }
    }
    return null;
  }

  /** True while a region waits for the sink: the source's reads are paused. */
  boolean waiting() {
    return waiting > 0;
  }

  /**
   * Splices what the source holds to the sink until the source is empty, the pipe is full or the
   * sink's send buffer is; returns the number of bytes taken from the source. While nothing else
   * waits to be written to the sink, the pipe is drained into it directly; only what the sink's
   * send buffer cannot take is queued, as a region behind which later writes line up.
   */
  long pump() throws IOException {
    sink.flush();
    long moved = 0;
    for (int n = pipe.fill(sourceFd, MAX_FILL); n > 0; n = pipe.fill(sourceFd, MAX_FILL)) {
      moved += n;
      ChannelOutboundBuffer queued = sink.unsafe().outboundBuffer();
      if (queued != null && queued.isEmpty()) {
        n -= pipe.drain(sinkFd, n);
        if (n == 0) {
          continue;
        }
      }
      ChannelPromise written = sink.newPromise();
      sink.writeAndFlush(new PipeRegion(pipe, sinkFd, n), written);
      if (!written.isDone()) {
        waiting++;
        written.addListener(this);
        source.config().setAutoRead(false);
        break;
      }
      if (!written.isSuccess()) {
        break; // the sink is closing, which closes the source too
      }
    }
    return moved;
  }

  @Override
  public void operationComplete(ChannelFuture written) {
    if (--waiting == 0 && written.isSuccess() && source.isActive()) {
      source.config().setAutoRead(true);
    }
  }

  /** Lets go of the pipe; regions still queued on the sink keep it open until they are done. */
  void close() {
    pipe.release();
  }
}
