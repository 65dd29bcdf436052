package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.balancer.RetryPolicy;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * Opens backend connections on the event loop of the client connection (no thread hop on the data
 * path), each attempt with its own connect timeout. The channel is built by hand rather than
 * through a Bootstrap: its handler (the backend-side relay) is per connection and in place before
 * the connect, so auto-read stays on and no poll interest has to change once connected.
 */
final class Connector {
  private final ChannelFactory<? extends Channel> channels;
  private final RetryPolicy retry;

  Connector(ChannelFactory<? extends Channel> channels, RetryPolicy retry) {
    this.channels = channels;
    this.retry = retry;
  }

  RetryPolicy retry() {
    return retry;
  }

  /** Connects a new channel with {@code handler} to {@code to}; call on {@code loop}. */
  ChannelPromise connect(
      EventLoop loop, int attempt, InetSocketAddress to, ChannelHandler handler) {
    Channel channel = channels.newChannel();
    ChannelConfig config = channel.config();
    config.setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    config.setWriteBufferWaterMark(Tuning.waterMark());
    config.setConnectTimeoutMillis(retry.timeoutMillis(attempt));
    channel.pipeline().addLast(handler);
    ChannelPromise connected = channel.newPromise();
    loop.register(channel)
        .addListener(
            registered -> {
              if (registered.isSuccess()) {
                channel.connect(to, connected);
              } else {
                connected.setFailure(registered.cause());
                channel.unsafe().closeForcibly();
              }
            });
    return connected;
  }
}
