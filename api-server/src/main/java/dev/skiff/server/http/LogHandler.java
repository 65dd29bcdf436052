package dev.skiff.server.http;

import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.stream.AgentEndpoints;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code pods/{name}/log}: proxies to the node agent running the pod, at {@code
 * /containerLogs/{ns}/{pod}/{container}} on the node's InternalIP and kubelet port (from the Node's
 * status), passing the query through and streaming the body (follow=true keeps it open).
 */
final class LogHandler {
  private final ApiContext api;

  LogHandler(ApiContext api) {
    this.api = api;
  }

  void get(RoutingContext ctx, ResourcePath path) {
    api.registry()
        .get(Resources.PODS, path.namespace(), path.name())
        .compose(
            pod -> {
              String container = AgentEndpoints.container(pod, ctx.request().getParam("container"));
              return AgentEndpoints.of(api.registry(), pod)
                  .compose(agent -> proxy(ctx, agent, path, container));
            })
        .onFailure(ctx::fail);
  }

  private Future<Void> proxy(
      RoutingContext ctx, AgentEndpoints.Endpoint agent, ResourcePath path, String container) {
    String host = agent.host();
    int port = agent.port();
    String query = ctx.request().query();
    String uri =
        "/containerLogs/"
            + path.namespace()
            + "/"
            + path.name()
            + "/"
            + container
            + (query == null || query.isEmpty() ? "" : "?" + query);
    RequestOptions options =
        new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port).setURI(uri);
    return api.nodeClient()
        .request(options)
        .compose(request -> request.send())
        .recover(
            e ->
                Future.failedFuture(
                    StatusException.internal(
                        "Get \""
                            + (api.nodeAccess() == null ? "http" : "https")
                            + "://"
                            + host
                            + ":"
                            + port
                            + uri
                            + "\": "
                            + e.getMessage())))
        .compose(response -> relay(ctx, response));
  }

  private static Future<Void> relay(RoutingContext ctx, HttpClientResponse upstream) {
    ctx.response().closeHandler(v -> upstream.request().reset());
    ctx.response().setStatusCode(upstream.statusCode());
    String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type == null ? "text/plain" : type);
    ctx.response().setChunked(true);
    return upstream.pipeTo(ctx.response());
  }
}
