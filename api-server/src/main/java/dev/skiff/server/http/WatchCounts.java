package dev.skiff.server.http;

import dev.skiff.api.resource.ResourceType;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open watches by resource, and watches ended because their client read too slowly, served on
 * {@code /metrics} under kube-apiserver's names ({@code apiserver_longrunning_requests} with verb
 * WATCH; {@code apiserver_terminated_watchers_total}). Thread-safe.
 */
public final class WatchCounts {
  private final Map<String, AtomicLong> open = new ConcurrentSkipListMap<>();
  private final Map<String, AtomicLong> terminated = new ConcurrentSkipListMap<>();

  void opened(ResourceType type) {
    open.computeIfAbsent(labels(type), k -> new AtomicLong()).incrementAndGet();
  }

  void closed(ResourceType type) {
    open.computeIfAbsent(labels(type), k -> new AtomicLong()).decrementAndGet();
  }

  void terminated(ResourceType type) {
    terminated.computeIfAbsent(labels(type), k -> new AtomicLong()).incrementAndGet();
  }

  /** The Prometheus text of both metrics. */
  public Future<String> scrape() {
    StringBuilder text = new StringBuilder();
    text.append("# HELP apiserver_longrunning_requests Open long-running requests (watches).\n");
    text.append("# TYPE apiserver_longrunning_requests gauge\n");
    open.forEach(
        (labels, n) ->
            text.append("apiserver_longrunning_requests{")
                .append(labels)
                .append(",verb=\"WATCH\"} ")
                .append(n.get())
                .append('\n'));
    text.append(
        "# HELP apiserver_terminated_watchers_total Watches closed because the client did not"
            + " keep up.\n");
    text.append("# TYPE apiserver_terminated_watchers_total counter\n");
    terminated.forEach(
        (labels, n) ->
            text.append("apiserver_terminated_watchers_total{")
                .append(labels)
                .append("} ")
                .append(n.get())
                .append('\n'));
    return Future.succeededFuture(text.toString());
  }

  private static String labels(ResourceType type) {
    return "group=\"" + type.group() + "\",resource=\"" + type.plural() + "\"";
  }
}
