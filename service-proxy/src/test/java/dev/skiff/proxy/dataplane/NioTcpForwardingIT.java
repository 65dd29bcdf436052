package dev.skiff.proxy.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.client.vertx.VertxNetty;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link TcpForwardingIT} again on the portable fallback: Vert.x on NIO, where TCP
 * goes through Netty channels ({@link TcpListener}, {@link ChannelForwarder}, {@link Relay})
 * instead of the epoll relay.
 */
class NioTcpForwardingIT extends TcpForwardingIT {
  @Override
  VertxOptions vertxOptions() {
    return super.vertxOptions().setPreferNativeTransport(false);
  }

  /** Replaced by {@link #usesNioAndTheChannelRelay()} (an override without @Test does not run). */
  @Override
  void usesTheNativeEpollTransport() {}

  @Test
  void usesNioAndTheChannelRelay() {
    assertThat(vertx.isNativeTransportEnabled()).isFalse();
    assertThat(VertxNetty.transport(vertx).channelFactory(false).newChannel())
        .isInstanceOf(NioSocketChannel.class);
    assertThat(EpollTcpListener.supported(VertxNetty.eventLoops(vertx))).isFalse();
  }
}
