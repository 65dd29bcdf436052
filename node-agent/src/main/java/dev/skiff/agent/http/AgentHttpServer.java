package dev.skiff.agent.http;

import dev.skiff.agent.access.AgentAccess;
import dev.skiff.agent.access.AgentAuth;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.stream.ChannelProtocol;
import dev.skiff.agent.stream.StreamRoutes;
import dev.skiff.api.Json;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent's own HTTP server (the kubelet's port): {@code /healthz}, {@code /metrics}
 * (Prometheus text), {@code /containerLogs/{ns}/{pod}/{container}} and the streaming endpoints
 * ({@link StreamRoutes}), behind {@link AgentAuth}. Errors are Kubernetes Status objects.
 */
public final class AgentHttpServer {
  private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);

  /** Where /healthz and /metrics are served over plain HTTP when the main port serves TLS. */
  public static final int READ_ONLY_PORT = 10255;

  private static final Set<String> READ_ONLY_PATHS = Set.of("/healthz", "/metrics");

  private final Vertx vertx;
  private final Router router;
  private final AgentAccess access;
  private final StreamRoutes streams;
  private HttpServer server;
  private HttpServer readOnly;

  public AgentHttpServer(
      Vertx vertx,
      Informer<Pod> pods,
      ContainerRuntime runtime,
      LogStore logs,
      WorkerExecutor blocking,
      Supplier<String> metrics,
      Clock clock) {
    this(vertx, pods, runtime, logs, blocking, metrics, clock, null);
  }

  /**
   * @param access the cluster's agent credential (TLS and the API server's token), or null: plain
   *     HTTP, and no exec, attach or port-forward
   */
  public AgentHttpServer(
      Vertx vertx,
      Informer<Pod> pods,
      ContainerRuntime runtime,
      LogStore logs,
      WorkerExecutor blocking,
      Supplier<String> metrics,
      Clock clock,
      AgentAccess access) {
    this.vertx = vertx;
    this.router = Router.router(vertx);
    this.access = access;
    this.streams = new StreamRoutes(vertx, pods, runtime);
    router.route().handler(new AgentAuth(access));
    ContainerLogsHandler logsHandler =
        new ContainerLogsHandler(vertx, pods, runtime, logs, blocking, clock);
    router
        .get("/healthz")
        .handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain").end("ok"));
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4")
                    .end(metrics.get()));
    router.get("/containerLogs/:namespace/:pod/:container").handler(logsHandler::handle);
    streams.mount(router);
    router
        .route()
        .handler(
            ctx ->
                ctx.fail(
                    StatusException.notFound("the server could not find the requested resource")));
    router.route().failureHandler(AgentHttpServer::failure);
  }

  /**
   * Binds {@code host:port} (0 = any free port); fails if the address is taken. With an access
   * credential the port serves TLS, and {@code /healthz} and {@code /metrics} (which run nothing
   * and need no credential) are also served over plain HTTP on the read-only port {@value
   * #READ_ONLY_PORT} (any free port when {@code port} is 0), like the kubelet's.
   */
  public Future<HttpServer> listen(String host, int port) {
    if (access == null) {
      return listenSecure(host, port);
    }
    return listenSecure(host, port)
        .compose(
            secure ->
                vertx
                    .createHttpServer(
                        new HttpServerOptions()
                            .setHost(host)
                            .setPort(port == 0 ? 0 : READ_ONLY_PORT)
                            .setTcpNoDelay(true))
                    .requestHandler(
                        request -> {
                          if (READ_ONLY_PATHS.contains(request.path())) {
                            router.handle(request);
                          } else {
                            request.response().setStatusCode(404).end();
                          }
                        })
                    .listen()
                    .map(
                        readOnly -> {
                          this.readOnly = readOnly;
                          return secure;
                        }));
  }

  /** The plain-HTTP port serving /healthz and /metrics, or -1 (without an access credential). */
  public int readOnlyPort() {
    return readOnly == null ? -1 : readOnly.actualPort();
  }

  private Future<HttpServer> listenSecure(String host, int port) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setTcpNoDelay(true)
            .setWebSocketSubProtocols(ChannelProtocol.ALL);
    return vertx
        .createHttpServer(access == null ? options : access.applyTo(options))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  public Future<Void> close() {
    streams.close();
    Future<Void> plain = readOnly == null ? Future.succeededFuture() : readOnly.close();
    return plain.transform(ar -> server == null ? Future.succeededFuture() : server.close());
  }

  private static void failure(RoutingContext ctx) {
    Status status;
    if (ctx.failure() instanceof StatusException e) {
      status = e.status();
    } else {
      if (ctx.failure() != null) {
        LOG.warn("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      }
      status = StatusException.internal("internal error").status();
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
        .setStatusCode(status.code == null ? 500 : status.code)
        .putHeader("Content-Type", "application/json")
        .end(Json.toString(status));
  }
}
