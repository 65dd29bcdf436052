package dev.skiff.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.server.http.ApiContext;
import dev.skiff.server.stream.AgentEndpoints;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each node agent's {@code /stats/summary} (as metrics-server scrapes kubelets' summary API)
 * at the node's InternalIP and kubelet port from its status, with the cluster's agent credential. A
 * node that does not answer within the timeout is left out, as metrics-server leaves out nodes it
 * failed to scrape.
 */
final class NodeSummaries {
  private static final long TIMEOUT_MILLIS = 5_000;

  private final ApiContext api;

  NodeSummaries(ApiContext api) {
    this.api = api;
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
    AgentEndpoints.Endpoint agent;
    try {
      agent = AgentEndpoints.endpoint(node);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    RequestOptions get =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(agent.host())
            .setPort(agent.port())
            .setURI("/stats/summary")
            .setTimeout(TIMEOUT_MILLIS);
    return api.nodeClient()
        .request(get)
        .compose(request -> request.send())
        .compose(response -> response.body())
        .map(body -> (JsonNode) Json.tree(body.getBytes()));
  }
}
