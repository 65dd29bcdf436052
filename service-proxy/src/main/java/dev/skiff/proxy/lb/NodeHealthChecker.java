package dev.skiff.proxy.lb;

import dev.skiff.proxy.model.NodeInfo;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Active health checks for the LoadBalancer role: an HTTP GET of every tracked node's health URL at
 * a fixed interval (and at once for a newly tracked node). A node with a URL is healthy only after
 * its last check answered 2xx; {@code onChange} runs (on the checker's context) whenever the
 * healthy set changes, typically to trigger a data plane sync.
 */
public final class NodeHealthChecker implements Predicate<NodeInfo> {
  private final Vertx vertx;
  private final HealthUrls urls;
  private final Duration interval;
  private final Runnable onChange;
  private final HttpClient http;
  private final Context context;
  private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();
  private Map<String, NodeInfo> tracked = Map.of();
  private long timer = -1;

  public NodeHealthChecker(Vertx vertx, HealthUrls urls, Duration interval, Runnable onChange) {
    this.vertx = vertx;
    this.urls = urls;
    this.interval = interval;
    this.onChange = onChange;
    int timeout = (int) Math.max(100, interval.toMillis());
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setKeepAlive(false));
    this.context = vertx.getOrCreateContext();
  }

  public void start() {
    context.runOnContext(v -> timer = vertx.setPeriodic(interval.toMillis(), id -> checkAll()));
  }

  public Future<Void> stop() {
    context.runOnContext(v -> vertx.cancelTimer(timer));
    return http.close();
  }

  /** Sets the nodes to check; new ones are checked at once. Callable from any thread. */
  public void track(List<NodeInfo> nodes) {
    context.runOnContext(
        v -> {
          Map<String, NodeInfo> next = new HashMap<>();
          nodes.forEach(n -> next.put(n.name(), n));
          Map<String, NodeInfo> before = tracked;
          tracked = next;
          healthy.keySet().retainAll(next.keySet());
          next.values().stream().filter(n -> !n.equals(before.get(n.name()))).forEach(this::check);
        });
  }

  @Override
  public boolean test(NodeInfo node) {
    if (urls.url(node) == null) {
      return true;
    }
    return healthy.getOrDefault(node.name(), false);
  }

  private void checkAll() {
    tracked.values().forEach(this::check);
  }

  private void check(NodeInfo node) {
    String url = urls.url(node);
    if (url == null) {
      return;
    }
    http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url))
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
        .onComplete(
            ar -> {
              boolean ok = ar.succeeded() && ar.result() / 100 == 2;
              if (!tracked.containsKey(node.name())) {
                return;
              }
              Boolean was = healthy.put(node.name(), ok);
              if (was == null ? ok : was != ok) {
                onChange.run();
              }
            });
  }
}
