package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.Metadata;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST pods/{name}/binding}: the scheduler's way to assign a pod to a node. Sets
 * spec.nodeName once (409 Conflict if already assigned) and the PodScheduled condition.
 */
final class BindingHandler {
  private final ApiContext api;

  BindingHandler(ApiContext api) {
    this.api = api;
  }

  void create(RoutingContext ctx, ResourcePath path) {
    ObjectNode binding = Bodies.object(ctx);
    String node = binding.path("target").path("name").asText("");
    if (node.isEmpty()) {
      throw StatusException.badRequest("binding target name is required");
    }
    boolean dryRun = new QueryParams(ctx).dryRun();
    api.registry()
        .update(
            Resources.PODS,
            ObjectRegistry.key(Resources.PODS, path.namespace(), path.name()),
            pod -> bind(pod, node),
            dryRun)
        .onSuccess(pod -> Replies.json(ctx, 201, successStatus()))
        .onFailure(ctx::fail);
  }

  private ObjectNode bind(ObjectNode pod, String node) {
    String name = Metadata.name(pod);
    if (Metadata.isDeleting(pod)) {
      throw StatusException.conflict(
          "", "pods", name, "pod " + name + " is being deleted, cannot be assigned to a host");
    }
    String current = pod.path("spec").path("nodeName").asText("");
    if (!current.isEmpty()) {
      throw StatusException.conflict(
          "", "pods", name, "pod " + name + " is already assigned to node \"" + current + "\"");
    }
    ((ObjectNode) pod.with("spec")).put("nodeName", node);
    ArrayNode conditions = pod.with("status").withArray("conditions");
    for (int i = conditions.size() - 1; i >= 0; i--) {
      JsonNode c = conditions.get(i);
      if (c.path("type").asText().equals("PodScheduled")) {
        conditions.remove(i);
      }
    }
    conditions
        .addObject()
        .put("type", "PodScheduled")
        .put("status", "True")
        .put("lastTransitionTime", Times.now(api.clock()));
    return pod;
  }

  private static Status successStatus() {
    Status s = Status.success();
    s.code = 201;
    return s;
  }
}
