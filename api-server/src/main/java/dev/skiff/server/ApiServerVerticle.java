package dev.skiff.server;

import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.auth.rbac.Rbac;
import dev.skiff.server.crd.CrdCleanup;
import dev.skiff.server.http.ApiContext;
import dev.skiff.server.http.ApiRouter;
import dev.skiff.server.http.MetricsEndpoint;
import dev.skiff.server.http.WatchCounts;
import dev.skiff.server.patch.Patches;
import dev.skiff.server.registry.NamespaceTerminator;
import dev.skiff.server.registry.ObjectRegistry;
import dev.skiff.server.store.Store;
import dev.skiff.server.stream.NodeAccess;
import dev.skiff.server.stream.SpdyPostUpgrade;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.util.function.Function;

/**
 * One api-server replica's HTTP front: listens, seeds the standard namespaces (idempotent, any
 * replica), sweeps Terminating namespaces, and writes a kubeconfig when asked. start() completes
 * when it serves.
 */
public final class ApiServerVerticle extends VerticleBase {
  private final Store store;
  private final ApiServerOptions options;
  private final Clock clock;
  private final NodeAccess nodeAccess;
  private final MetricsEndpoint metrics = new MetricsEndpoint();
  private final WatchCounts watches = new WatchCounts();
  private HttpServer server;
  private ObjectRegistry registry;
  private String extraPrefix;
  private Function<Vertx, Handler<HttpServerRequest>> extraRoutes;

  public ApiServerVerticle(Store store, ApiServerOptions options) {
    this(store, options, Clock.systemUTC());
  }

  public ApiServerVerticle(Store store, ApiServerOptions options, Clock clock) {
    this(store, options, clock, null);
  }

  /**
   * @param nodeAccess how to reach node agents (mutual TLS with the client certificate), or null to
   *     reach them over plain HTTP without one
   */
  public ApiServerVerticle(
      Store store, ApiServerOptions options, Clock clock, NodeAccess nodeAccess) {
    this.store = store;
    this.options = options;
    this.clock = clock;
    this.nodeAccess = nodeAccess;
    metrics.add(watches::scrape);
  }

  /**
   * Serves paths under {@code prefix} with {@code routes} instead of the API (before
   * authentication: such as the endpoints machines join a cluster through). Call before deploying.
   */
  public ApiServerVerticle withRoutes(
      String prefix, Function<Vertx, Handler<HttpServerRequest>> routes) {
    this.extraPrefix = prefix;
    this.extraRoutes = routes;
    return this;
  }

  @Override
  public Future<?> start() {
    registry =
        new ObjectRegistry(
            vertx, store, clock, options.admission(), Patches::apply, options.deletionHook());
    CrdCleanup.start(vertx, registry, clock);
    ApiContext api =
        new ApiContext(
            vertx,
            registry,
            clock,
            options.bookmarkIntervalMillis(),
            vertx.createHttpClient(NodeAccess.clientOptions(nodeAccess)),
            nodeAccess,
            watches);
    HttpServerOptions serverOptions =
        new HttpServerOptions()
            .setHost(options.host())
            .setPort(options.port())
            .setCompressionSupported(false)
            .setTcpNoDelay(true);
    if (options.certificate() != null) {
      serverOptions
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertValue(Buffer.buffer(options.certificate().certificatePem()))
                  .setKeyValue(Buffer.buffer(options.certificate().privateKeyPem())));
    }
    return Rbac.start(vertx, registry)
        .compose(
            rbac -> {
              Handler<HttpServerRequest> router =
                  ApiRouter.create(
                      api,
                      options.token(),
                      () -> options.host() + ":" + actualPort(),
                      metrics,
                      rbac);
              if (extraRoutes != null) {
                Handler<HttpServerRequest> extra = extraRoutes.apply(vertx);
                Handler<HttpServerRequest> apiRouter = router;
                router =
                    req -> (req.path().startsWith(extraPrefix) ? extra : apiRouter).handle(req);
              }
              return vertx
                  .createHttpServer(serverOptions)
                  .connectionHandler(SpdyPostUpgrade::install)
                  .requestHandler(router)
                  .listen();
            })
        .compose(
            listening -> {
              server = listening;
              registry.namespaces().startCache(vertx);
              return registry.namespaces().seed();
            })
        .compose(v -> writeKubeconfig())
        .onSuccess(
            v -> new NamespaceTerminator(registry).start(vertx, options.namespaceSweepMillis()));
  }

  /** What {@code /metrics} serves: add sources (the controllers) once they run. */
  public MetricsEndpoint metrics() {
    return metrics;
  }

  /** The bound port (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** http(s)://host:port of this replica (a wildcard bind is reached on 127.0.0.1). */
  public String url() {
    // a wildcard bind is reached on loopback; an IPv6 literal in brackets
    String address = ApiServer.advertiseAddress(options.host());
    String host = address.contains(":") ? "[" + address + "]" : address;
    return options.scheme() + "://" + host + ":" + actualPort();
  }

  public ApiServerOptions options() {
    return options;
  }

  public ObjectRegistry registry() {
    return registry;
  }

  private Future<Void> writeKubeconfig() {
    if (options.kubeconfigOut() == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(
        () -> {
          KubeconfigFile.write(
              options.kubeconfigOut(), url(), options.token(), options.certificate(), "skiff");
          return null;
        });
  }
}
