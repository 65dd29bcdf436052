package dev.skiff.proxy.dataplane;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * How a relayed channel reads. While its bytes are copied, reads adapt between 64 B and 256 KiB.
 * Once its relay splices, the transport makes one small read per wakeup, only to learn that data
 * (or the end of the stream) is there; the relay's {@link Splicer} moves the rest.
 */
final class RelayReads implements RecvByteBufAllocator {
  private final Relay relay;

  RelayReads(Relay relay) {
    this.relay = relay;
  }

  @Override
  public Handle newHandle() {
    return new ReadHandle((ExtendedHandle) Tuning.READS.newHandle(), relay);
  }

  private record ReadHandle(ExtendedHandle adaptive, Relay relay) implements ExtendedHandle {
    @Override
    public ByteBuf allocate(ByteBufAllocator alloc) {
      return relay.splicing() ? alloc.ioBuffer(Tuning.SPLICE_READ) : adaptive.allocate(alloc);
    }

    @Override
    public int guess() {
      return relay.splicing() ? Tuning.SPLICE_READ : adaptive.guess();
    }

    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreData) {
      return !relay.splicing() && adaptive.continueReading(maybeMoreData);
    }

    @Override
    public boolean continueReading() {
      return !relay.splicing() && adaptive.continueReading();
    }

    @Override
    public void reset(ChannelConfig config) {
      adaptive.reset(config);
    }

    @Override
    public void incMessagesRead(int numMessages) {
      adaptive.incMessagesRead(numMessages);
    }

    @Override
    public void lastBytesRead(int bytes) {
      adaptive.lastBytesRead(bytes);
    }

    @Override
    public int lastBytesRead() {
      return adaptive.lastBytesRead();
    }

    @Override
    public void attemptedBytesRead(int bytes) {
      adaptive.attemptedBytesRead(bytes);
    }

    @Override
    public int attemptedBytesRead() {
      return adaptive.attemptedBytesRead();
    }

    @Override
    public void readComplete() {
      adaptive.readComplete();
    }
  }
}
