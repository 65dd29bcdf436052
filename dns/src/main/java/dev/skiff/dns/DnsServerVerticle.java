package dev.skiff.dns;

import dev.skiff.dns.forward.ForwardCache;
import dev.skiff.dns.forward.ForwardHandler;
import dev.skiff.dns.forward.ResolvConf;
import dev.skiff.dns.forward.UpstreamForwarder;
import dev.skiff.dns.handler.ClusterZoneHandler;
import dev.skiff.dns.handler.DnsHandler;
import dev.skiff.dns.server.DnsListenerVerticle;
import dev.skiff.dns.server.QueryProcessor;
import dev.skiff.dns.source.ZoneSource;
import dev.skiff.dns.zone.ClusterZone;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster DNS server, as a node agent deploys it: the cluster zone fed by a {@link ZoneSource},
 * the handler chain (cluster zone, then cache and forwarder), and UDP/TCP listeners on the
 * configured address. {@code start()} completes once every socket is bound, and fails if one cannot
 * be.
 */
public final class DnsServerVerticle extends VerticleBase {
  private static final int FORWARD_CACHE_ENTRIES = 10_000;

  private final DnsServerOptions options;
  private final ZoneSource source;
  private final ClusterZone zone;
  private volatile int port;

  public DnsServerVerticle(DnsServerOptions options, ZoneSource source) {
    this.options = options;
    this.source = source;
    this.zone = new ClusterZone(options.zoneOptions());
  }

  @Override
  public Future<?> start() {
    Future<List<InetSocketAddress>> upstreams =
        options.upstreams() != null
            ? Future.succeededFuture(options.upstreams())
            : vertx.executeBlocking(() -> ResolvConf.nameservers(ResolvConf.DEFAULT));
    return upstreams
        .compose(list -> source.start(vertx, zone).map(v -> list))
        .compose(list -> listen(processor(withoutSelf(list))));
  }

  private QueryProcessor processor(List<InetSocketAddress> upstreams) {
    UpstreamForwarder forwarder =
        new UpstreamForwarder(context, upstreams, options.forwardTimeout());
    DnsHandler forward =
        new ForwardHandler(
            forwarder, new ForwardCache(FORWARD_CACHE_ENTRIES), zone.options().zone());
    DnsHandler chain = new ClusterZoneHandler(zone, forward);
    return new QueryProcessor(chain, () -> zone.index().version());
  }

  private Future<?> listen(QueryProcessor processor) {
    String host = options.bindAddress();
    DnsListenerVerticle first = new DnsListenerVerticle(processor, host, options.port(), true);
    return vertx
        .deployVerticle(first)
        .compose(
            id -> {
              port = first.udpPort();
              int extra = vertx.isNativeTransportEnabled() ? options.udpSockets() - 1 : 0;
              List<Future<String>> more = new ArrayList<>();
              for (int i = 0; i < extra; i++) {
                more.add(
                    vertx.deployVerticle(new DnsListenerVerticle(processor, host, port, false)));
              }
              return Future.all(more);
            });
  }

  /** Upstreams minus this server's own address, so that it never forwards to itself. */
  private List<InetSocketAddress> withoutSelf(List<InetSocketAddress> upstreams) {
    return upstreams.stream()
        .filter(
            u ->
                !(u.getPort() == options.port()
                    && u.getAddress().getHostAddress().equals(options.bindAddress())))
        .toList();
  }

  @Override
  public Future<?> stop() {
    zone.close();
    return source.stop();
  }

  /** The port bound (UDP and TCP), once started. */
  public int port() {
    return port;
  }

  /** The zone this server answers from (tests and the manual source feed it directly). */
  public ClusterZone zone() {
    return zone;
  }
}
