package dev.skiff.proxy.lb;

import dev.skiff.proxy.metrics.MetricsRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.function.BooleanSupplier;

/**
 * The LoadBalancer role's own HTTP endpoint: {@code /healthz} (200 once its caches have synced,
 * else 503) and {@code /metrics} (its connection counters per Service port and node NodePort, in
 * the Prometheus text format). The node agents serve the same for their proxies.
 */
public final class LoadBalancerEndpoint {
  private LoadBalancerEndpoint() {}

  /** Listens on {@code host:port} (0: any free port); completes with the port it listens on. */
  public static Future<Integer> serve(
      Vertx vertx, String host, int port, MetricsRegistry registry, BooleanSupplier synced) {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  switch (req.path()) {
                    case "/healthz" ->
                        req.response()
                            .setStatusCode(synced.getAsBoolean() ? 200 : 503)
                            .end(synced.getAsBoolean() ? "ok" : "caches not synced");
                    case "/metrics" ->
                        req.response()
                            .putHeader("content-type", MetricsRegistry.CONTENT_TYPE)
                            .end(registry.render());
                    default -> req.response().setStatusCode(404).end();
                  }
                });
    return server.listen(port, host).map(HttpServer::actualPort);
  }
}
