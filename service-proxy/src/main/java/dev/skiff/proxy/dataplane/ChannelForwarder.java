package dev.skiff.proxy.dataplane;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Connects one accepted client to a backend: picks an endpoint, tries it with the first timeout,
 * and on failure the next endpoint with the next timeout; then links the two channels with a pair
 * of {@link Relay}s. No endpoint, or none accepting: the client gets a reset at once.
 */
final class ChannelForwarder implements ChannelFutureListener {
  private final Channel client;
  private final Relay clientRelay;
  private final Backends backends;
  private final Connector connector;
  private final InetAddress clientIp;
  private Target target;
  private Relay backendRelay;
  private int attempt;

  private ChannelForwarder(Channel client, Backends backends, Connector connector) {
    this.client = client;
    this.backends = backends;
    this.connector = connector;
    this.clientRelay = new Relay(true);
    this.clientIp = client.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
  }

  static void forward(Channel client, Backends backends, Connector connector) {
    new ChannelForwarder(client, backends, connector).start();
  }

  private void start() {
    client.pipeline().addLast(clientRelay);
    target = backends.balancer.pick(clientIp);
    if (target == null) {
      refuse();
    } else {
      connect();
    }
  }

  private void connect() {
    backendRelay = new Relay(false);
    connector.connect(client.eventLoop(), attempt, target.address, backendRelay).addListener(this);
  }

  @Override
  public void operationComplete(ChannelFuture future) {
    Channel backend = future.channel();
    if (future.isSuccess()) {
      if (client.isActive()) {
        link(backend);
      } else {
        backend.close();
      }
      return;
    }
    backend.close();
    target.stats.connectFailed();
    if (!client.isActive()) {
      clientRelay.discard();
      return;
    }
    if (++attempt < connector.retry().attempts()) {
      target = backends.balancer.next(clientIp, target);
      if (target != null) {
        connect();
        return;
      }
    }
    refuse();
  }

  private void link(Channel backend) {
    target.stats.connected();
    backendRelay.attach(client, target.stats);
    clientRelay.attach(backend, target.stats);
  }

  private void refuse() {
    clientRelay.discard();
    backends.stats.refused();
    Relay.reset(client);
  }
}
