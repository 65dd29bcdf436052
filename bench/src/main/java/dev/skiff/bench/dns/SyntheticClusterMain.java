package dev.skiff.bench.dns;

import dev.skiff.dns.DnsServerOptions;
import dev.skiff.dns.DnsServerVerticle;
import dev.skiff.dns.source.ZoneSource;
import dev.skiff.dns.zone.ClusterSnapshot;
import dev.skiff.dns.zone.PortEntry;
import dev.skiff.dns.zone.ServiceEntry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Skiff DNS server fed with synthetic Services, for benchmarks: {@code svc-<i>.bench.svc.
 * cluster.local} -> {@link #address(int)} for i in [0, services). Arguments: bind address, port,
 * number of services, number of UDP sockets. Forwards nothing (no upstreams). Runs until killed.
 */
public final class SyntheticClusterMain {
  private SyntheticClusterMain() {}

  public static void main(String[] args) {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 10053;
    int services = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int sockets = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(sockets));
    DnsServerOptions options =
        DnsServerOptions.defaults()
            .withBind(host, port)
            .withUpstreams(List.of(), Duration.ofSeconds(1))
            .withUdpSockets(sockets);
    DnsServerVerticle server = new DnsServerVerticle(options, ZoneSource.of(snapshot(services)));
    vertx.deployVerticle(server).await();
    System.out.printf(
        "skiff-dns listening on %s:%d (%d services, %d UDP sockets, native transport %s)%n",
        host, server.port(), services, sockets, vertx.isNativeTransportEnabled());
  }

  /** The synthetic cluster: one ClusterIP Service per index in namespace "bench". */
  public static ClusterSnapshot snapshot(int services) {
    List<ServiceEntry> list = new ArrayList<>(services);
    for (int i = 0; i < services; i++) {
      list.add(
          ServiceEntry.clusterIp(
              "bench", "svc-" + i, address(i), new PortEntry("http", "TCP", 80)));
    }
    return ClusterSnapshot.of(list, List.of());
  }

  /** The ClusterIP of service i: 10.96.x.y, never sent any traffic. */
  public static String address(int i) {
    return "10.96." + (1 + i / 250) + "." + (1 + i % 250);
  }
}
