package dev.skiff.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.client.vertx.UpgradeDialer;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.http.ApiContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code pods/{name}/exec}, {@code /attach} and {@code /portforward} (GET and POST): like
 * kube-apiserver's UpgradeAwareHandler, the API server checks the pod and the container, forwards
 * the client's upgrade request to the pod's node agent with its own credential, and after the
 * agent's 101 relays raw bytes both ways; it never speaks the streaming protocols itself. Mounted
 * before the body handler: the request's bytes after the upgrade belong to the tunnel.
 */
public final class PodStreamRoutes {
  private static final String PATH =
      "/api/v1/namespaces/([^/]+)/pods/([^/]+)/(exec|attach|portforward)";
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "authorization", "content-length", "transfer-encoding", "connection");
  private static final Map<String, String> AGENT_PATHS =
      Map.of("exec", "/exec/", "attach", "/attach/", "portforward", "/portForward/");

  private final ApiContext api;

  private final UpgradeDialer dialer;

  public PodStreamRoutes(ApiContext api) {
    this.api = api;
    this.dialer =
        new UpgradeDialer(
            api.vertx().createNetClient(NodeAccess.netClientOptions(api.nodeAccess())));
  }

  public void mount(Router router) {
    router.routeWithRegex(PATH).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.POST) {
      ctx.fail(
          StatusException.methodNotAllowed(
              "the server does not allow this method on the requested resource"));
      return;
    }
    String namespace = ctx.pathParam("param0");
    String name = ctx.pathParam("param1");
    String sub = ctx.pathParam("param2");
    ctx.request().pause();
    Context loop = Vertx.currentContext();
    api.registry()
        .get(Resources.PODS, namespace, name)
        .compose(
            pod -> {
              String target = namespace + "/" + name;
              if (!sub.equals("portforward")) {
                completedPhase(pod, sub);
                target += "/" + AgentEndpoints.container(pod, ctx.request().getParam("container"));
              }
              String query = ctx.request().query();
              String uri =
                  AGENT_PATHS.get(sub)
                      + target
                      + (query == null || query.isEmpty() ? "" : "?" + query);
              return AgentEndpoints.of(api.registry(), pod)
                  .compose(agent -> onRequestLoop(loop, () -> forward(ctx, agent, uri)));
            })
        .onFailure(
            e -> {
              if (!ctx.response().headWritten()) {
                ctx.request().resume();
                ctx.fail(e);
              }
            });
  }

  /**
   * Runs {@code dial} on the client connection's event loop, so that the agent connection is on the
   * same loop: the tunnel's pipes then see each other's write queues without races.
   */
  private static <T> Future<T> onRequestLoop(Context loop, Supplier<Future<T>> dial) {
    if (Vertx.currentContext() == loop) {
      return dial.get();
    }
    Promise<T> done = Promise.promise();
    loop.runOnContext(v -> dial.get().onComplete(done));
    return done.future();
  }

  /** kube-apiserver refuses exec and attach into a pod whose containers have all ended. */
  private static void completedPhase(JsonNode pod, String sub) {
    String phase = pod.path("status").path("phase").asText("");
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      throw StatusException.badRequest(
          (sub.equals("exec") ? "cannot exec into" : "cannot attach to")
              + " a container in a completed pod; current phase is "
              + phase);
    }
  }

  private Future<Void> forward(RoutingContext ctx, AgentEndpoints.Endpoint agent, String uri) {
    Map<String, Iterable<String>> headers = new LinkedHashMap<>();
    for (String name : ctx.request().headers().names()) {
      if (!NOT_FORWARDED.contains(name.toLowerCase())) {
        headers.put(name, ctx.request().headers().getAll(name));
      }
    }
    headers.put("Connection", List.of("Upgrade"));
    return dialer
        .dial(agent.host(), agent.port(), ctx.request().method(), uri, headers)
        .recover(
            e ->
                Future.failedFuture(
                    StatusException.internal("error dialing backend: " + e.getMessage())))
        .compose(answer -> relay(ctx, answer));
  }

  private static Future<Void> relay(RoutingContext ctx, UpgradeDialer.Answer agent) {
    if (agent.status() != 101) {
      ctx.request().resume();
      String type = agent.headers().get("Content-Type");
      return ctx.response()
          .setStatusCode(agent.status())
          .putHeader("Content-Type", type == null ? "text/plain" : type)
          .end(agent.rest());
    }
    NetSocket backend = agent.tunnel();
    agent
        .headers()
        .forEach(
            (name, value) -> {
              String key = name.toLowerCase();
              if (!key.equals("content-length") && !key.equals("connection")) {
                ctx.response().headers().add(name, value);
              }
            });
    ctx.response().headers().set("Connection", "Upgrade");
    return ctx.request()
        .toNetSocket()
        .onFailure(e -> backend.close())
        .map(
            front -> {
              if (agent.rest().length() > 0) {
                front.write(agent.rest());
              }
              Tunnel.splice(front, backend);
              return null;
            });
  }
}
