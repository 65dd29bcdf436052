package dev.skiff.proxy.bench;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.dataplane.UserspaceDataPlane;
import dev.skiff.proxy.metrics.ProxyMetrics;
import dev.skiff.proxy.model.Endpoint;
import dev.skiff.proxy.model.ServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Skiff's userspace data plane with a fixed snapshot, for bench/proxy/run.sh. Arguments:
 * {@code [--splice] [--io_uring] EVENT_LOOPS CLUSTER_IP PORT=BACKEND_IP:BACKEND_PORT...}: {@code
 * --splice} turns on {@link ProxyOptions#splice()}, {@code --io_uring} runs Vert.x (and so the data
 * plane) on the io_uring transport instead of epoll. Prints "ready" once listening and runs until
 * killed.
 */
public final class BenchProxyMain {
  private BenchProxyMain() {}

  public static void main(String[] args) throws Exception {
    List<String> flags = new ArrayList<>();
    while (args[0].startsWith("--")) {
      flags.add(args[0]);
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    int loops = Integer.parseInt(args[0]);
    String clusterIP = args[1];
    Transport transport = flags.contains("--io_uring") ? Transport.IO_URING : Transport.EPOLL;
    Vertx vertx =
        Vertx.builder()
            .with(new VertxOptions().setEventLoopPoolSize(loops))
            .withTransport(transport)
            .build();
    if (!vertx.isNativeTransportEnabled()) {
      throw new IllegalStateException(
          "native transport unavailable", vertx.unavailableNativeTransportCause());
    }
    List<ServicePort> ports = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] portAndBackend = args[i].split("=");
      String[] backend = portAndBackend[1].split(":");
      ports.add(
          ServicePort.builder(new ServicePortName("bench", "svc", portAndBackend[0]))
              .clusterIP(clusterIP)
              .port(Integer.parseInt(portAndBackend[0]))
              .endpoints(Endpoint.of(backend[0], Integer.parseInt(backend[1])))
              .build());
    }
    UserspaceDataPlane plane =
        new UserspaceDataPlane(
            vertx,
            ProxyOptions.forNode("bench", List.of())
                .withReusePort(false)
                .withSplice(flags.contains("--splice")),
            new ProxyMetrics());
    var result = plane.sync(Snapshot.of(ports, List.of())).await(10, TimeUnit.SECONDS);
    if (!result.bindFailures().isEmpty()) {
      throw new IllegalStateException("bind failed: " + result.bindFailures());
    }
    System.out.println("ready");
  }
}
