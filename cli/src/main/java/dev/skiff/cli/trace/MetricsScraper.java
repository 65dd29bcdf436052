package dev.skiff.cli.trace;

import dev.skiff.agent.http.AgentHttpServer;
import dev.skiff.api.model.core.Node;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the proxies' connection counters from every node agent's {@code /metrics} (the node's
 * InternalIP and kubelet port), and the LoadBalancer role's when it is known. Nodes that do not
 * answer within the timeout are skipped.
 */
public final class MetricsScraper {
  private final Vertx vertx;
  private final long timeoutMillis;

  public MetricsScraper(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * The summed counters, or null when no node answered with proxy counters (the column is then left
   * out).
   */
  public Future<ConnectionCounts> scrape(List<Node> nodes) {
    return scrape(nodes, null);
  }

  /**
   * Also reads the LoadBalancer role's counters (the connections it sent to each node's NodePort)
   * from {@code loadBalancer} ("HOST:PORT"), when not null.
   */
  public Future<ConnectionCounts> scrape(List<Node> nodes, String loadBalancer) {
    HttpClient client =
        vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis));
    List<Future<Optional<ConnectionCounts>>> reads = new ArrayList<>();
    for (Node node : nodes) {
      String ip = TraceRenderer.internalIp(node);
      if (ip != null) {
        // the agents' port serves TLS; /metrics is also on the plain read-only port
        reads.add(read(client, ip, AgentHttpServer.READ_ONLY_PORT));
      }
    }
    int colon = loadBalancer == null ? -1 : loadBalancer.lastIndexOf(':');
    if (colon > 0) {
      reads.add(
          read(
              client,
              loadBalancer.substring(0, colon),
              Integer.parseInt(loadBalancer.substring(colon + 1))));
    }
    return Future.join(reads)
        .transform(
            done -> {
              ConnectionCounts sum = null;
              for (Future<Optional<ConnectionCounts>> read : reads) {
                if (read.succeeded() && read.result().isPresent()) {
                  sum = (sum == null ? new ConnectionCounts() : sum).addAll(read.result().get());
                }
              }
              ConnectionCounts result = sum;
              return client.close().transform(closed -> Future.succeededFuture(result));
            });
  }

  private Future<Optional<ConnectionCounts>> read(HttpClient client, String ip, int port) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(ip)
            .setPort(port)
            .setURI("/metrics")
            .setIdleTimeout(timeoutMillis);
    // body() is asked for in the send future's own listener, before any chunk can be dropped
    return client
        .request(options)
        .compose(
            req ->
                req.send()
                    .compose(
                        resp ->
                            resp.statusCode() == 200
                                ? resp.body()
                                : Future.failedFuture("HTTP " + resp.statusCode())))
        .map(body -> PrometheusText.connections(body.toString()));
  }
}
