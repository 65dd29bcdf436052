package dev.skiff.agent.stream;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's streaming endpoints on the node agent's port: {@code /exec/{ns}/{pod}/{container}}
 * and {@code /attach/...} over the WebSocket channel protocols (v5 to v1, base64 too). The caller
 * has been authenticated (see {@code AgentAuth}): only the API server gets here.
 */
public final class StreamRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRoutes.class);

  private final ContainerRuntime runtime;
  private final StreamTargets targets;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "skiff-stream");
            t.setDaemon(true);
            return t;
          });

  public StreamRoutes(Informer<Pod> pods, ContainerRuntime runtime) {
    this.runtime = runtime;
    this.targets = new StreamTargets(pods, runtime);
  }

  public void mount(Router router) {
    router.route("/exec/:namespace/:pod/:container").handler(ctx -> exec(ctx, false));
    router.route("/attach/:namespace/:pod/:container").handler(ctx -> exec(ctx, true));
  }

  public void close() {
    threads.shutdownNow();
  }

  private void exec(RoutingContext ctx, boolean attach) {
    HttpServerRequest request = ctx.request();
    ContainerInfo container =
        targets.running(
            ctx.pathParam("namespace"), ctx.pathParam("pod"), ctx.pathParam("container"));
    ExecRequest exec = execRequest(request.params(), attach);
    if (!attach && exec.command().isEmpty()) {
      throw StatusException.badRequest("you must specify at least 1 command");
    }
    if (!request.canUpgradeToWebSocket()) {
      throw StatusException.badRequest(
          "Upgrade request required: this endpoint speaks the WebSocket channel protocols");
    }
    request
        .toWebSocket()
        .onSuccess(
            ws -> {
              ChannelSocket socket = new ChannelSocket(ws);
              ws.pause();
              Future<ExecSession> session =
                  attach
                      ? runtime.attach(container.id(), exec)
                      : runtime.execStream(container.id(), exec);
              session
                  .onSuccess(
                      s -> {
                        ExecStreams.run(socket, s, exec, threads);
                        ws.resume();
                      })
                  .onFailure(
                      e ->
                          socket
                              .send(
                                  ChannelProtocol.ERROR,
                                  ExecStatus.failed(
                                      "error executing command in container: " + e.getMessage()))
                              .onComplete(ar -> socket.close()));
            })
        .onFailure(e -> LOG.debug("exec upgrade failed: {}", e.getMessage()));
  }

  private static ExecRequest execRequest(MultiMap params, boolean attach) {
    List<String> command = attach ? List.of() : params.getAll("command");
    boolean tty = flag(params, "tty");
    return new ExecRequest(
        command,
        flag(params, "stdin") || flag(params, "input"),
        flag(params, "stdout") || flag(params, "output"),
        !tty && (flag(params, "stderr") || flag(params, "error")),
        tty);
  }

  private static boolean flag(MultiMap params, String name) {
    String value = params.get(name);
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }
}
