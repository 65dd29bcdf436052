package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.Metadata;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

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
              String container = container(pod, ctx.request().getParam("container"));
              String nodeName = pod.path("spec").path("nodeName").asText("");
              if (nodeName.isEmpty()) {
                throw StatusException.badRequest(
                    "pod " + path.name() + " does not have a host assigned");
              }
              return api.registry()
                  .get(Resources.NODES, null, nodeName)
                  .compose(node -> proxy(ctx, node, path, container));
            })
        .onFailure(ctx::fail);
  }

  private Future<Void> proxy(
      RoutingContext ctx, ObjectNode node, ResourcePath path, String container) {
    String host = internalIp(node);
    int port =
        node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
    if (host == null || port <= 0) {
      throw StatusException.badRequest(
          "node " + Metadata.name(node) + " has no reachable node agent endpoint");
    }
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
                        "Get \"http://" + host + ":" + port + uri + "\": " + e.getMessage())))
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

  private static String container(JsonNode pod, String requested) {
    List<String> names = new ArrayList<>();
    pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
    String pod0 = Metadata.name(pod);
    if (requested == null || requested.isEmpty()) {
      if (names.size() == 1) {
        return names.get(0);
      }
      throw StatusException.badRequest(
          "a container name must be specified for pod " + pod0 + ", choose one of: " + names);
    }
    pod.path("spec").path("initContainers").forEach(c -> names.add(c.path("name").asText()));
    if (!names.contains(requested)) {
      throw StatusException.badRequest("container " + requested + " is not valid for pod " + pod0);
    }
    return requested;
  }

  private static String internalIp(JsonNode node) {
    for (JsonNode a : node.path("status").path("addresses")) {
      if (a.path("type").asText().equals("InternalIP")) {
        return a.path("address").asText();
      }
    }
    return null;
  }
}
