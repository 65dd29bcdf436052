package dev.skiff.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.Metadata;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a pod's node agent listens, and which of the pod's containers a request means, with the
 * kube-apiserver's errors: a pod that is not bound, a container the pod does not have.
 */
public final class AgentEndpoints {
  private AgentEndpoints() {}

  /** host and port of a node agent. */
  public record Endpoint(String host, int port) {}

  /** The agent of the node the pod is bound to. */
  public static Future<Endpoint> of(ObjectRegistry registry, JsonNode pod) {
    String nodeName = pod.path("spec").path("nodeName").asText("");
    if (nodeName.isEmpty()) {
      return Future.failedFuture(
          StatusException.badRequest(
              "pod " + Metadata.name(pod) + " does not have a host assigned"));
    }
    return registry.get(Resources.NODES, null, nodeName).map(AgentEndpoints::endpoint);
  }

  private static Endpoint endpoint(JsonNode node) {
    String host = null;
    for (JsonNode a : node.path("status").path("addresses")) {
      if (a.path("type").asText().equals("InternalIP")) {
        host = a.path("address").asText();
      }
    }
    int port =
        node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
    if (host == null || port <= 0) {
      throw StatusException.badRequest(
          "node " + Metadata.name(node) + " has no reachable node agent endpoint");
    }
    return new Endpoint(host, port);
  }

  /**
   * The container named in the request, or the pod's only one; 400 "container X is not valid for
   * pod Y" otherwise.
   */
  public static String container(JsonNode pod, String requested) {
    List<String> names = new ArrayList<>();
    pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
    String podName = Metadata.name(pod);
    if (requested == null || requested.isEmpty()) {
      if (names.size() == 1) {
        return names.get(0);
      }
      throw StatusException.badRequest(
          "a container name must be specified for pod " + podName + ", choose one of: " + names);
    }
    pod.path("spec").path("initContainers").forEach(c -> names.add(c.path("name").asText()));
    if (!names.contains(requested)) {
      throw StatusException.badRequest(
          "container " + requested + " is not valid for pod " + podName);
    }
    return requested;
  }
}
