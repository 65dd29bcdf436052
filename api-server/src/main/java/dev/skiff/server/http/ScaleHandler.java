package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.selector.Selector;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.crd.CustomVersion;
import dev.skiff.server.crd.JsonPaths;
import dev.skiff.server.crd.ScalePaths;
import dev.skiff.server.patch.Patches;
import dev.skiff.server.registry.Metadata;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The {@code scale} subresource (autoscaling/v1 Scale) of the kinds that declare it (deployments,
 * replicasets, statefulsets, replicationcontrollers). Writing it sets spec.replicas and bumps the
 * generation; the Scale's resourceVersion is the object's, so a stale one is a 409 Conflict.
 */
final class ScaleHandler {
  private final ApiContext api;

  ScaleHandler(ApiContext api) {
    this.api = api;
  }

  void get(RoutingContext ctx, ResourcePath path) {
    api.registry()
        .get(path.type(), path.namespace(), path.name())
        .onSuccess(object -> Replies.json(ctx, 200, scaleOf(path.type(), object)))
        .onFailure(ctx::fail);
  }

  /** PUT: the body is a Scale (kubectl sends it without a Content-Type). */
  void replace(RoutingContext ctx, ResourcePath path) {
    ObjectNode body = Bodies.object(ctx);
    write(ctx, path, scale -> body);
  }

  void patch(RoutingContext ctx, ResourcePath path) {
    byte[] body = Bodies.patch(ctx);
    String type = Bodies.patchType(ctx);
    write(ctx, path, scale -> Patches.apply(scale, body, type, null));
  }

  private void write(RoutingContext ctx, ResourcePath path, UnaryOperator<ObjectNode> change) {
    ResourceType type = path.type();
    boolean dryRun = new QueryParams(ctx).dryRun();
    api.registry()
        .update(
            type,
            ObjectRegistry.key(type, path.namespace(), path.name()),
            current -> applyScale(type, current, change.apply(scaleOf(type, current))),
            dryRun)
        .onSuccess(object -> Replies.json(ctx, 200, scaleOf(type, object)))
        .onFailure(ctx::fail);
  }

  private static ObjectNode applyScale(ResourceType type, ObjectNode current, ObjectNode scale) {
    String name = Metadata.name(current);
    String rv = Metadata.resourceVersion(scale);
    if (!rv.isEmpty() && !rv.equals(Metadata.resourceVersion(current))) {
      throw StatusException.conflict(type.group(), type.plural(), name);
    }
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.isMissingNode() && (!replicas.canConvertToInt() || replicas.asInt() < 0)) {
      throw StatusException.invalid(
          "autoscaling",
          "Scale",
          type.plural(),
          name,
          List.of(
              new StatusCause(
                  Reason.FIELD_VALUE_INVALID,
                  "Invalid value: " + replicas + ": must be greater than or equal to 0",
                  "spec.replicas")));
    }
    int desired = replicas.isMissingNode() ? 0 : replicas.asInt();
    ScalePaths custom = customScale(type);
    if (custom != null) {
      JsonNode now = JsonPaths.find(current, custom.specReplicasPath());
      if (now.isNumber() && now.asInt() == desired) {
        return current;
      }
      JsonPaths.set(current, custom.specReplicasPath(), IntNode.valueOf(desired));
      Metadata.of(current)
          .put("generation", current.path("metadata").path("generation").asLong(1) + 1);
      return current;
    }
    if (current.path("spec").path("replicas").asInt(1) == desired
        && current.path("spec").has("replicas")) {
      return current;
    }
    ((ObjectNode) current.with("spec")).put("replicas", desired);
    Metadata.of(current)
        .put("generation", current.path("metadata").path("generation").asLong(1) + 1);
    return current;
  }

  /** The scale subresource of a custom kind, or null for a built-in kind. */
  private static ScalePaths customScale(ResourceType type) {
    return type.custom() instanceof CustomVersion version ? version.scale() : null;
  }

  static ObjectNode scaleOf(ResourceType type, ObjectNode object) {
    ObjectNode scale = Json.mapper().createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    JsonNode source = object.path("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (source.has(field)) {
        meta.set(field, source.get(field));
      }
    }
    ScalePaths custom = customScale(type);
    if (custom != null) {
      scale
          .putObject("spec")
          .put("replicas", JsonPaths.find(object, custom.specReplicasPath()).asInt(0));
      ObjectNode status = scale.putObject("status");
      status.put("replicas", JsonPaths.find(object, custom.statusReplicasPath()).asInt(0));
      if (custom.labelSelectorPath() != null) {
        JsonNode selector = JsonPaths.find(object, custom.labelSelectorPath());
        if (selector.isTextual()) {
          status.put("selector", selector.asText());
        }
      }
      return scale;
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    status.put("selector", selectorString(object.path("spec").path("selector")));
    return scale;
  }

  /**
   * The selector in label-selector string form ("app=web,tier in (a,b)"); a ReplicationController's
   * is a plain label map.
   */
  private static String selectorString(JsonNode selector) {
    if (!selector.isObject()) {
      return "";
    }
    if (!selector.has("matchLabels") && !selector.has("matchExpressions")) {
      Map<String, String> labels = new TreeMap<>();
      selector.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      return Selector.fromMap(labels).toString();
    }
    try {
      return Selector.from(Json.convert(selector, LabelSelector.class)).toString();
    } catch (StatusException e) {
      return "";
    }
  }
}
