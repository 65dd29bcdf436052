package dev.skiff.agent.http;

import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.api.Json;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent's own HTTP server (the kubelet's port): {@code /healthz}, {@code /metrics}
 * (Prometheus text), {@code /containerLogs/{ns}/{pod}/{container}} and what is added with {@link
 * #serve} ({@code /stats/summary}). Errors are Kubernetes Status objects.
 */
public final class AgentHttpServer {
  private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);

  private final Vertx vertx;
  private final Router router;
  private HttpServer server;

  public AgentHttpServer(
      Vertx vertx,
      Informer<Pod> pods,
      ContainerRuntime runtime,
      LogStore logs,
      WorkerExecutor blocking,
      Supplier<String> metrics,
      Clock clock) {
    this.vertx = vertx;
    this.router = Router.router(vertx);
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
    router
        .route()
        .handler(
            ctx ->
                ctx.fail(
                    StatusException.notFound("the server could not find the requested resource")));
    router.route().failureHandler(AgentHttpServer::failure);
  }

  /**
   * Serves GETs of {@code path} with {@code handler}, ahead of the not-found route (for components
   * wired after the server is built, such as the usage summary).
   */
  public void serve(String path, Handler<RoutingContext> handler) {
    router.get(path).order(-1).handler(handler);
  }

  /** Binds {@code host:port} (0 = any free port); fails if the address is taken. */
  public Future<HttpServer> listen(String host, int port) {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
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
