package dev.skiff.proxy.dataplane;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;

/**
 * Buffer sizes of relayed connections. Reads adapt between 64 B and 256 KiB (small requests stay
 * small, a bulk stream moves in large chunks); a channel stops reading once its peer holds more
 * than 512 KiB unwritten and resumes below 256 KiB, so a fast sender does not toggle reading (two
 * epoll_ctl calls) on every chunk, and memory per connection stays bounded.
 */
final class Tuning {
  static final int MAX_READ = 256 * 1024;
  static final int HIGH_WATER = 512 * 1024;
  static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ);

  private Tuning() {}

  static WriteBufferWaterMark waterMark() {
    return new WriteBufferWaterMark(HIGH_WATER / 2, HIGH_WATER);
  }
}
