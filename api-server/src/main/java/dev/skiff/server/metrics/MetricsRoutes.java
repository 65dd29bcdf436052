package dev.skiff.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.model.metrics.ContainerMetrics;
import dev.skiff.api.model.metrics.NodeMetrics;
import dev.skiff.api.model.metrics.PodMetrics;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.selector.Selector;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.http.ApiContext;
import dev.skiff.server.http.Replies;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics (list, get, labelSelector), computed on request
 * from the node agents' usage summaries ({@link NodeSummaries}) joined with the stored Nodes and
 * Pods. A node or pod without a measurement yet is left out of lists and is NotFound when asked for
 * by name, as metrics-server answers.
 */
public final class MetricsRoutes {
  private static final String PREFIX = "/apis/metrics.k8s.io/v1beta1";

  private final ApiContext api;
  private final NodeSummaries summaries;

  public MetricsRoutes(ApiContext api) {
    this.api = api;
    this.summaries = new NodeSummaries(api);
  }

  public void mount(Router router) {
    router.get(PREFIX + "/nodes").handler(ctx -> nodes(ctx, null));
    router.get(PREFIX + "/nodes/:name").handler(ctx -> nodes(ctx, ctx.pathParam("name")));
    router.get(PREFIX + "/pods").handler(ctx -> pods(ctx, null, null));
    router
        .get(PREFIX + "/namespaces/:namespace/pods")
        .handler(ctx -> pods(ctx, ctx.pathParam("namespace"), null));
    router
        .get(PREFIX + "/namespaces/:namespace/pods/:name")
        .handler(ctx -> pods(ctx, ctx.pathParam("namespace"), ctx.pathParam("name")));
  }

  private void nodes(RoutingContext ctx, String name) {
    Selector selector = Selector.parse(ctx.request().getParam("labelSelector"));
    api.registry()
        .list(Resources.NODES, null)
        .compose(
            list -> {
              List<ObjectNode> nodes = select(list.items(), selector, name);
              return summaries
                  .fetch(nodes)
                  .map(
                      byNode -> {
                        List<NodeMetrics> items = new ArrayList<>();
                        for (ObjectNode node : nodes) {
                          JsonNode summary = byNode.get(name(node));
                          if (summary != null && summary.has("node")) {
                            items.add(nodeMetrics(node, summary));
                          }
                        }
                        return items;
                      });
            })
        .onSuccess(items -> reply(ctx, name, "nodes", NodeMetrics.KIND, items))
        .onFailure(ctx::fail);
  }

  private void pods(RoutingContext ctx, String namespace, String name) {
    Selector selector = Selector.parse(ctx.request().getParam("labelSelector"));
    Future<List<ObjectNode>> nodes = api.registry().list(Resources.NODES, null).map(l -> l.items());
    api.registry()
        .list(Resources.PODS, namespace)
        .compose(
            list -> {
              List<ObjectNode> pods = select(list.items(), selector, name);
              return nodes
                  .compose(all -> summaries.fetch(nodesOf(all, pods)))
                  .map(byNode -> podMetrics(pods, byNode));
            })
        .onSuccess(items -> reply(ctx, name, "pods", PodMetrics.KIND, items))
        .onFailure(ctx::fail);
  }

  private static List<ObjectNode> nodesOf(List<ObjectNode> nodes, List<ObjectNode> pods) {
    List<String> wanted = new ArrayList<>();
    pods.forEach(p -> wanted.add(p.path("spec").path("nodeName").asText("")));
    return nodes.stream().filter(n -> wanted.contains(name(n))).toList();
  }

  private static List<PodMetrics> podMetrics(List<ObjectNode> pods, Map<String, JsonNode> byNode) {
    List<PodMetrics> items = new ArrayList<>();
    for (ObjectNode pod : pods) {
      JsonNode summary = byNode.get(pod.path("spec").path("nodeName").asText(""));
      if (summary == null) {
        continue;
      }
      String uid = pod.path("metadata").path("uid").asText();
      for (JsonNode measured : summary.path("pods")) {
        if (measured.path("uid").asText().equals(uid)) {
          items.add(podMetrics(pod, summary, measured));
        }
      }
    }
    return items;
  }

  private static PodMetrics podMetrics(ObjectNode pod, JsonNode summary, JsonNode measured) {
    PodMetrics m = new PodMetrics();
    m.metadata = metadata(pod, summary);
    m.metadata.namespace = pod.path("metadata").path("namespace").asText();
    m.timestamp = summary.path("timestamp").asText();
    m.window = window(summary);
    m.containers = new ArrayList<>();
    for (JsonNode c : measured.path("containers")) {
      ContainerMetrics cm = new ContainerMetrics();
      cm.name = c.path("name").asText();
      cm.usage = usage(c);
      m.containers.add(cm);
    }
    return m;
  }

  private static NodeMetrics nodeMetrics(ObjectNode node, JsonNode summary) {
    NodeMetrics m = new NodeMetrics();
    m.metadata = metadata(node, summary);
    m.timestamp = summary.path("timestamp").asText();
    m.window = window(summary);
    m.usage = usage(summary.path("node"));
    return m;
  }

  private static ObjectMeta metadata(ObjectNode object, JsonNode summary) {
    ObjectMeta meta = new ObjectMeta();
    meta.name = name(object);
    meta.creationTimestamp = summary.path("timestamp").asText();
    JsonNode labels = object.path("metadata").path("labels");
    if (labels.isObject() && !labels.isEmpty()) {
      meta.labels = new LinkedHashMap<>();
      labels.fields().forEachRemaining(e -> meta.labels.put(e.getKey(), e.getValue().asText()));
    }
    return meta;
  }

  private static Map<String, String> usage(JsonNode measured) {
    Map<String, String> usage = new LinkedHashMap<>();
    usage.put("cpu", Quantities.cpu(measured.path("cpuNanoCores").asLong()));
    usage.put("memory", Quantities.memory(measured.path("memoryWorkingSetBytes").asLong()));
    return usage;
  }

  private static String window(JsonNode summary) {
    return Math.round(summary.path("window").asDouble()) + "s";
  }

  private static List<ObjectNode> select(List<ObjectNode> objects, Selector selector, String name) {
    List<ObjectNode> selected = new ArrayList<>();
    for (ObjectNode o : objects) {
      if ((name == null || name.equals(name(o))) && selector.matches(labels(o))) {
        selected.add(o);
      }
    }
    return selected;
  }

  private static Map<String, String> labels(ObjectNode o) {
    Map<String, String> labels = new LinkedHashMap<>();
    o.path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  private static void reply(
      RoutingContext ctx, String name, String resource, String kind, List<?> items) {
    if (name != null) {
      if (items.isEmpty()) {
        ctx.fail(StatusException.notFound("metrics.k8s.io", resource, name));
      } else {
        Replies.json(ctx, 200, items.get(0));
      }
      return;
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("kind", kind + "List");
    list.put("apiVersion", "metrics.k8s.io/v1beta1");
    list.put("metadata", Map.of());
    list.put("items", items);
    Replies.json(ctx, 200, list);
  }
}
