package dev.skiff.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each node agent's {@code /stats/summary} (as metrics-server scrapes kubelets' summary API)
 * at the node's InternalIP and kubelet port from its status. A node that does not answer within the
 * timeout is left out, as metrics-server leaves out nodes it failed to scrape.
 */
final class NodeSummaries {
  private static final long TIMEOUT_MILLIS = 5_000;

  private final HttpClient client;

  NodeSummaries(HttpClient client) {
    this.client = client;
  }

  /** The summaries of {@code nodes} that answered, by node name. */
  Future<Map<String, JsonNode>> fetch(List<ObjectNode> nodes) {
    List<Future<JsonNode>> replies = new ArrayList<>();
    for (ObjectNode node : nodes) {
      replies.add(fetch(node).otherwiseEmpty());
    }
    return Future.join(replies)
        .otherwiseEmpty()
        .map(
            v -> {
              Map<String, JsonNode> byNode = new HashMap<>();
              for (int i = 0; i < nodes.size(); i++) {
                JsonNode summary = replies.get(i).result();
                if (summary != null && summary.has("window")) {
                  byNode.put(nodes.get(i).path("metadata").path("name").asText(), summary);
                }
              }
              return byNode;
            });
  }

  private Future<JsonNode> fetch(ObjectNode node) {
    String host = null;
    for (JsonNode address : node.path("status").path("addresses")) {
      if ("InternalIP".equals(address.path("type").asText())) {
        host = address.path("address").asText();
      }
    }
    int port =
        node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
    if (host == null || port <= 0) {
      return Future.failedFuture("node has no agent endpoint");
    }
    RequestOptions get =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(host)
            .setPort(port)
            .setURI("/stats/summary")
            .setTimeout(TIMEOUT_MILLIS);
    return client
        .request(get)
        .compose(request -> request.send())
        .compose(response -> response.body())
        .map(body -> (JsonNode) Json.tree(body.getBytes()));
  }
}
