package dev.skiff.bench.proxy;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.dataplane.UserspaceDataPlane;
import dev.skiff.proxy.metrics.ProxyMetrics;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Skiff's userspace data plane (epoll) with a fixed snapshot, for bench/proxy/run.sh.
 * Arguments: {@code EVENT_LOOPS CLUSTER_IP PORT=BACKEND_IP:BACKEND_PORT...}. Prints "ready" once
 * listening and runs until killed.
 */
public final class BenchProxyMain {
  private BenchProxyMain() {}

  public static void main(String[] args) throws Exception {
    int loops = Integer.parseInt(args[0]);
    String clusterIP = args[1];
    Vertx vertx =
        Vertx.builder()
            .with(new VertxOptions().setEventLoopPoolSize(loops))
            .withTransport(Transport.EPOLL)
            .build();
    if (!vertx.isNativeTransportEnabled()) {
      throw new IllegalStateException(
          "native transport unavailable", vertx.unavailableNativeTransportCause());
    }
    List<ProxyServicePort> ports = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] portAndBackend = args[i].split("=");
      String[] backend = portAndBackend[1].split(":");
      ports.add(
          ProxyServicePort.builder(new ServicePortName("bench", "svc", portAndBackend[0]))
              .clusterIP(clusterIP)
              .port(Integer.parseInt(portAndBackend[0]))
              .endpoints(BackendEndpoint.of(backend[0], Integer.parseInt(backend[1])))
              .build());
    }
    UserspaceDataPlane plane =
        new UserspaceDataPlane(
            vertx,
            ProxyOptions.forNode("bench", List.of()).withReusePort(false),
            new ProxyMetrics());
    var result = plane.sync(Snapshot.of(ports, List.of())).await(10, TimeUnit.SECONDS);
    if (!result.bindFailures().isEmpty()) {
      throw new IllegalStateException("bind failed: " + result.bindFailures());
    }
    System.out.println("ready");
  }
}
