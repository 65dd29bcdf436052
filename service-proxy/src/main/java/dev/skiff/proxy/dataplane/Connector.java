package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.balancer.RetryPolicy;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens backend connections on the event loop of the client connection (no thread hop on the data
 * path), with one prepared Bootstrap per loop and connect attempt (each has its own timeout).
 */
final class Connector {
  /** Placeholder handler of a connecting channel; replaced by a {@link Relay} once connected. */
  @ChannelHandler.Sharable
  static final class Placeholder extends ChannelInboundHandlerAdapter {
    static final Placeholder INSTANCE = new Placeholder();
  }

  private final ChannelFactory<? extends Channel> channels;
  private final RetryPolicy retry;
  private final Map<EventLoop, Bootstrap[]> bootstraps = new ConcurrentHashMap<>();

  Connector(ChannelFactory<? extends Channel> channels, RetryPolicy retry) {
    this.channels = channels;
    this.retry = retry;
  }

  RetryPolicy retry() {
    return retry;
  }

  ChannelFuture connect(EventLoop loop, int attempt, InetSocketAddress to) {
    return bootstraps.computeIfAbsent(loop, this::prepare)[attempt].connect(to);
  }

  private Bootstrap[] prepare(EventLoop loop) {
    Bootstrap[] perAttempt = new Bootstrap[retry.attempts()];
    for (int i = 0; i < perAttempt.length; i++) {
      perAttempt[i] =
          new Bootstrap()
              .group(loop)
              .channelFactory(channels)
              .resolver(NoopAddressResolverGroup.INSTANCE)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(ChannelOption.AUTO_READ, false)
              .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, retry.timeoutMillis(i))
              .handler(Placeholder.INSTANCE);
    }
    return perAttempt;
  }
}
