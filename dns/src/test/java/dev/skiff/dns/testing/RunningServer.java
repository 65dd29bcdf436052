package dev.skiff.dns.testing;

import dev.skiff.dns.DnsServerOptions;
import dev.skiff.dns.DnsServerVerticle;
import dev.skiff.dns.source.ZoneSource;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** A Skiff DNS server on 127.0.0.1 (free port) in this JVM, with its own Vert.x. */
public final class RunningServer implements AutoCloseable {
  public final Vertx vertx;
  public final DnsServerVerticle server;

  private RunningServer(Vertx vertx, DnsServerVerticle server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static Vertx newVertx() {
    return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(2));
  }

  /** Starts a server fed by the source, forwarding to the given upstreams (never the host's). */
  public static RunningServer start(
      Vertx vertx, ZoneSource source, List<InetSocketAddress> upstreams, Duration timeout) {
    DnsServerOptions options =
        DnsServerOptions.defaults()
            .withBind("127.0.0.1", 0)
            .withUpstreams(upstreams, timeout)
            .withUdpSockets(2);
    DnsServerVerticle server = new DnsServerVerticle(options, source);
    vertx.deployVerticle(server).await();
    return new RunningServer(vertx, server);
  }

  /**
   * A server on a new Vert.x fed the {@link SampleCluster}, forwarding to a {@link TestUpstream}
   * started on the same Vert.x.
   */
  public static Sample sample() {
    Vertx vertx = newVertx();
    TestUpstream upstream = TestUpstream.start(vertx, false);
    RunningServer server =
        start(
            vertx,
            ZoneSource.of(SampleCluster.snapshot()),
            List.of(upstream.address()),
            Duration.ofSeconds(1));
    return new Sample(server, upstream);
  }

  /** A running sample server and its upstream. */
  public record Sample(RunningServer server, TestUpstream upstream) {}

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
