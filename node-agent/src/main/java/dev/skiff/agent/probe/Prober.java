package dev.skiff.agent.probe;

import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.api.model.core.HTTPGetAction;
import dev.skiff.api.model.core.HTTPHeader;
import dev.skiff.api.model.core.Probe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Duration;

/**
 * Runs one probe attempt: httpGet (success for 200-399), tcpSocket (a connection is accepted) or
 * exec (exit code 0, through the runtime). All asynchronous; the attempt fails after the timeout.
 */
public final class Prober {
  private final Vertx vertx;
  private final ContainerRuntime runtime;
  private final HttpClient http;
  private final HttpClient https;
  private final NetClient tcp;

  public Prober(Vertx vertx, ContainerRuntime runtime) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    this.https =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(false)
                .setSsl(true)
                .setTrustAll(true)
                .setVerifyHost(false));
    this.tcp = vertx.createNetClient(new NetClientOptions());
  }

  public Future<ProbeOutcome> probe(Probe probe, ProbeTarget target, Duration timeout) {
    Future<ProbeOutcome> attempt;
    if (probe.httpGet != null) {
      attempt = httpGet(probe.httpGet, target, timeout);
    } else if (probe.tcpSocket != null) {
      attempt = tcpSocket(probe, target, timeout);
    } else if (probe.exec != null && probe.exec.command != null) {
      attempt = exec(probe.exec.command, target, timeout);
    } else {
      return Future.succeededFuture(ProbeOutcome.failure("probe has no supported handler"));
    }
    return attempt.otherwise(e -> ProbeOutcome.failure(String.valueOf(e.getMessage())));
  }

  private Future<ProbeOutcome> httpGet(HTTPGetAction get, ProbeTarget target, Duration timeout) {
    int port = target.port(get.port);
    if (port <= 0) {
      return Future.succeededFuture(ProbeOutcome.failure("unknown port " + get.port));
    }
    String host = get.host == null || get.host.isEmpty() ? target.podIp() : get.host;
    String path = get.path == null || get.path.isEmpty() ? "/" : get.path;
    boolean secure = "HTTPS".equalsIgnoreCase(get.scheme);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(host)
            .setPort(port)
            .setURI(path.startsWith("/") ? path : "/" + path)
            .setConnectTimeout(timeout.toMillis())
            .setIdleTimeout(timeout.toMillis())
            .putHeader("User-Agent", "kube-probe/1.32")
            .putHeader("Accept", "*/*");
    if (get.httpHeaders != null) {
      for (HTTPHeader h : get.httpHeaders) {
        options.putHeader(h.name, h.value);
      }
    }
    String url = (secure ? "https://" : "http://") + host + ":" + port + options.getURI();
    return (secure ? https : http)
        .request(options)
        .compose(request -> request.send())
        .compose(
            response ->
                response
                    .body()
                    .map(
                        body -> {
                          int code = response.statusCode();
                          return code >= 200 && code < 400
                              ? ProbeOutcome.SUCCESS
                              : ProbeOutcome.failure("HTTP probe failed with statuscode: " + code);
                        }))
        .recover(
            e ->
                Future.succeededFuture(
                    ProbeOutcome.failure("Get \"" + url + "\": " + e.getMessage())));
  }

  private Future<ProbeOutcome> tcpSocket(Probe probe, ProbeTarget target, Duration timeout) {
    int port = target.port(probe.tcpSocket.port);
    if (port <= 0) {
      return Future.succeededFuture(ProbeOutcome.failure("unknown port " + probe.tcpSocket.port));
    }
    String host =
        probe.tcpSocket.host == null || probe.tcpSocket.host.isEmpty()
            ? target.podIp()
            : probe.tcpSocket.host;
    return withTimeout(tcp.connect(port, host), timeout)
        .map(
            socket -> {
              socket.close();
              return ProbeOutcome.SUCCESS;
            })
        .recover(
            e ->
                Future.succeededFuture(
                    ProbeOutcome.failure("dial tcp " + host + ":" + port + ": " + e.getMessage())));
  }

  private Future<ProbeOutcome> exec(
      java.util.List<String> command, ProbeTarget target, Duration timeout) {
    return runtime
        .exec(target.containerId(), command, timeout)
        .map(
            r -> {
              if (r.timedOut()) {
                return ProbeOutcome.failure(
                    "command " + command + " timed out after " + timeout.toSeconds() + "s");
              }
              return r.succeeded()
                  ? ProbeOutcome.SUCCESS
                  : ProbeOutcome.failure(
                      "command " + command + " exited with " + r.exitCode() + ": " + r.output());
            });
  }

  private <T> Future<T> withTimeout(Future<T> future, Duration timeout) {
    io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            t -> promise.tryFail("timed out after " + timeout.toMillis() + " ms"));
    future.onComplete(
        ar -> {
          vertx.cancelTimer(timer);
          if (ar.failed()) {
            promise.tryFail(ar.cause());
          } else if (!promise.tryComplete(ar.result())
              && ar.result() instanceof io.vertx.core.net.NetSocket late) {
            late.close();
          }
        });
    return promise.future();
  }

  public Future<Void> close() {
    return Future.join(http.close(), https.close(), tcp.close()).mapEmpty();
  }
}
