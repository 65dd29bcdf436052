package dev.skiff.proxy;

import dev.skiff.api.client.KubeClient;
import dev.skiff.proxy.lb.LoadBalancerEndpoint;
import dev.skiff.proxy.metrics.MetricsRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cluster's LoadBalancer role as its own process, as a cloud load balancer sits outside the
 * nodes: listens on the ingress IPs of LoadBalancer Services and forwards each connection to the
 * NodePort of a Ready node whose {@code /healthz} answers 200 (checked every few seconds). The
 * embedded cluster runs the same role in-process; this is for clusters whose node agents run as
 * processes of their own.
 *
 * <pre>
 * LoadBalancerMain --kubeconfig FILE [--health-port P] [--health-interval-ms MS]
 *                  [--listen HOST:PORT]
 * </pre>
 *
 * {@code --health-port} is where the node agents serve {@code /healthz} on their InternalIP (their
 * port, 10250 by default). {@code --listen} serves this process's own {@code /healthz} (200 once
 * its caches have synced) and {@code /metrics}. Prints one line with "ready" once it serves. Exits
 * 2 on bad arguments, 1 when it cannot start; stops cleanly on SIGTERM/SIGINT.
 */
public final class LoadBalancerMain {
  static final String USAGE =
      "usage: LoadBalancerMain --kubeconfig FILE [--health-port P] [--health-interval-ms MS]"
          + " [--listen HOST:PORT]";

  /** The parsed command line. */
  record Args(Path kubeconfig, int healthPort, Duration healthInterval, String host, int port) {
    static Args parse(String... args) {
      Path kubeconfig = null;
      int healthPort = 10250;
      Duration interval = Duration.ofSeconds(2);
      String host = null;
      int port = -1;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--kubeconfig" -> kubeconfig = Path.of(value);
          case "--health-port" -> healthPort = port(flag, value);
          case "--health-interval-ms" -> interval = Duration.ofMillis(positive(flag, value));
          case "--listen" -> {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
              throw new IllegalArgumentException("--listen wants HOST:PORT, got " + value);
            }
            host = value.substring(0, colon);
            port = port(flag, value.substring(colon + 1));
          }
          default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
      }
      if (kubeconfig == null) {
        throw new IllegalArgumentException("--kubeconfig is required");
      }
      if (!Files.isReadable(kubeconfig)) {
        throw new IllegalArgumentException("cannot read kubeconfig " + kubeconfig);
      }
      return new Args(kubeconfig, healthPort, interval, host, port);
    }

    private static int port(String flag, String value) {
      long port = number(flag, value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(flag + ": " + value + " is not a port (0-65535)");
      }
      return (int) port;
    }

    private static long positive(String flag, String value) {
      long n = number(flag, value);
      if (n <= 0) {
        throw new IllegalArgumentException(flag + ": " + value + " must be positive");
      }
      return n;
    }

    private static long number(String flag, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + ": " + value + " is not a number");
      }
    }
  }

  private LoadBalancerMain() {}

  public static void main(String[] argv) {
    Args args;
    try {
      args = Args.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println("skiff load-balancer: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    KubeClient client;
    try {
      client = KubeClient.fromKubeconfig(vertx, args.kubeconfig());
    } catch (RuntimeException e) {
      System.err.println("skiff load-balancer: kubeconfig " + args.kubeconfig() + ": " + e);
      System.exit(1);
      return;
    }
    MetricsRegistry registry = new MetricsRegistry();
    ProxyOptions options =
        ProxyOptions.forLoadBalancer().withHealthCheck(args.healthInterval(), args.healthPort());
    AtomicBoolean synced = new AtomicBoolean();
    Future<Integer> served =
        args.host() == null
            ? Future.succeededFuture(-1)
            : LoadBalancerEndpoint.serve(vertx, args.host(), args.port(), registry, synced::get);
    served
        .compose(
            port ->
                vertx
                    .deployVerticle(new ServiceProxyVerticle(client, options, registry))
                    .map(id -> port))
        .onSuccess(
            port -> {
              synced.set(true);
              System.out.println(
                  "skiff load-balancer ready"
                      + (port < 0 ? "" : ", /healthz and /metrics on " + args.host() + ":" + port));
            })
        .onFailure(
            e -> {
              System.err.println("skiff load-balancer: cannot start: " + e.getMessage());
              System.exit(1);
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    vertx.close().await(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    // exiting anyway
                  }
                }));
  }
}
