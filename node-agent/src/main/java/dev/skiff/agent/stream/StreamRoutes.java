package dev.skiff.agent.stream;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's streaming endpoints on the node agent's port: {@code /exec/{ns}/{pod}/{container}}
 * and {@code /attach/...} over the WebSocket channel protocols (v5 to v1, base64 too), and {@code
 * /portForward/{ns}/{pod}} over SPDY/3.1 (upgraded, or tunnelled in a WebSocket) and the WebSocket
 * channel protocol. (The API server hands client-go's SPDY upgrades on as GET requests, the only
 * method Vert.x upgrades.) The caller has been authenticated (see {@code AgentAuth}): only the API
 * server gets here.
 */
public final class StreamRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRoutes.class);
  private static final String SPDY = "SPDY/3.1";
  private static final String STREAM_PROTOCOL = "X-Stream-Protocol-Version";
  private static final String PORT_FORWARD_PROTOCOL = "portforward.k8s.io";

  private final ContainerRuntime runtime;
  private final StreamTargets targets;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "skiff-stream");
            t.setDaemon(true);
            return t;
          });

  private final NetClient tcp;

  public StreamRoutes(Vertx vertx, Informer<Pod> pods, ContainerRuntime runtime) {
    this.runtime = runtime;
    this.targets = new StreamTargets(pods, runtime);
    this.tcp =
        vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000));
  }

  public void mount(Router router) {
    router.route("/exec/:namespace/:pod/:container").handler(ctx -> exec(ctx, false));
    router.route("/attach/:namespace/:pod/:container").handler(ctx -> exec(ctx, true));
    router.route("/portForward/:namespace/:pod").handler(this::portForward);
  }

  public void close() {
    threads.shutdownNow();
    tcp.close();
  }

  /**
   * WebSocket: the SPDY tunnel (kubectl) or the channel protocol (other clients); or a SPDY/3.1
   * upgrade (kubectl's fallback).
   */
  private void portForward(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String pod = ctx.pathParam("pod");
    Sandbox sandbox = targets.sandbox(ctx.pathParam("namespace"), pod);
    if (request.canUpgradeToWebSocket()) {
      List<Integer> ports = ports(request.params());
      request
          .toWebSocket()
          .onSuccess(
              ws -> {
                if (ChannelProtocol.SPDY_TUNNEL.equals(ws.subProtocol())) {
                  SpdyPortForward.run(ByteTransport.of(ws), tcp, sandbox.ip(), pod);
                } else if (ports.isEmpty()) {
                  ws.close((short) 1008, "query parameter \"ports\" is required");
                } else {
                  WebSocketPortForward.run(new ChannelSocket(ws), tcp, sandbox.ip(), ports);
                }
              });
      return;
    }
    spdyUpgrade(request, List.of(PORT_FORWARD_PROTOCOL));
    request
        .toNetSocket()
        .onSuccess(socket -> SpdyPortForward.run(ByteTransport.of(socket), tcp, sandbox.ip(), pod))
        .onFailure(
            e -> {
              LOG.warn("port-forward upgrade of {} failed: {}", pod, e.toString());
              if (!request.response().headWritten()) {
                request.response().setStatusCode(400).end(e.getMessage());
              }
            });
  }

  private static List<Integer> ports(MultiMap params) {
    List<Integer> ports = new ArrayList<>();
    for (String value : params.getAll("ports")) {
      for (String one : value.split(",")) {
        if (!one.isBlank()) {
          int port = Integer.parseInt(one.trim());
          if (port < 1 || port > 65535) {
            throw StatusException.badRequest("invalid port " + one);
          }
          ports.add(port);
        }
      }
    }
    return ports;
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
      spdyExec(request, container, exec, attach);
      return;
    }
    request
        .toWebSocket()
        .onSuccess(ws -> startSession(new ChannelSocket(ws), container, exec, attach))
        .onFailure(e -> LOG.debug("exec upgrade failed: {}", e.getMessage()));
  }

  /**
   * Checks a SPDY/3.1 upgrade and picks the first of {@code supported} the client offers (400 with
   * the kubelet's texts otherwise); sets the 101's headers and answers the protocol.
   */
  private static String spdyUpgrade(HttpServerRequest request, List<String> supported) {
    String upgrade = request.getHeader("Upgrade");
    if (upgrade == null || !upgrade.equalsIgnoreCase(SPDY)) {
      throw StatusException.badRequest("Upgrade request required");
    }
    List<String> offered = new ArrayList<>();
    for (String value : request.headers().getAll(STREAM_PROTOCOL)) {
      for (String one : value.split(",")) {
        if (!one.isBlank()) {
          offered.add(one.trim());
        }
      }
    }
    String chosen = supported.stream().filter(offered::contains).findFirst().orElse(null);
    if (chosen == null) {
      throw StatusException.badRequest(
          "unable to upgrade: unable to negotiate protocol: client supports "
              + offered
              + ", server supports "
              + supported);
    }
    request.response().putHeader("Connection", "Upgrade");
    request.response().putHeader("Upgrade", SPDY);
    request.response().putHeader(STREAM_PROTOCOL, chosen);
    return chosen;
  }

  /** client-go's SPDY exec and attach (see {@link SpdyExec}). */
  private void spdyExec(
      HttpServerRequest request, ContainerInfo container, ExecRequest exec, boolean attach) {
    String protocol = spdyUpgrade(request, SpdyExec.PROTOCOLS);
    request
        .toNetSocket()
        .onSuccess(
            socket ->
                SpdyExec.start(ByteTransport.of(socket), protocol, exec)
                    .onSuccess(channels -> startSession(channels, container, exec, attach))
                    .onFailure(e -> LOG.debug("SPDY exec ended early: {}", e.getMessage())))
        .onFailure(e -> LOG.debug("SPDY exec upgrade failed: {}", e.getMessage()));
  }

  /** Starts the exec or attach and joins it to the client's channels (paused meanwhile). */
  private void startSession(
      ExecChannels channels, ContainerInfo container, ExecRequest exec, boolean attach) {
    channels.pause();
    Future<ExecSession> session =
        attach ? runtime.attach(container.id(), exec) : runtime.execStream(container.id(), exec);
    session
        .onSuccess(
            s -> {
              ExecStreams.run(channels, s, exec, threads);
              channels.resume();
            })
        .onFailure(
            e ->
                channels
                    .send(
                        ChannelProtocol.ERROR,
                        ExecStatus.failed(
                            "error executing command in container: " + e.getMessage()))
                    .onComplete(ar -> channels.close()));
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
