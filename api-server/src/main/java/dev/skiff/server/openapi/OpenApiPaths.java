package dev.skiff.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.discovery.Verbs;
import java.util.List;

/**
 * The path items of one kind: collection and object URLs with the operations its discovery verbs
 * allow, each tagged {@code x-kubernetes-group-version-kind} and {@code x-kubernetes-action}. PATCH
 * declares the {@code fieldValidation} query parameter (kubectl then leaves validation to the
 * server) and, deliberately, no strategic-merge-patch request body: kubectl would then compute
 * strategic patches from these schemas instead of from its compiled-in types.
 */
final class OpenApiPaths {
  private static final List<String> PATCH_TYPES =
      List.of(
          "application/json-patch+json",
          "application/merge-patch+json",
          "application/apply-patch+yaml");
  private static final List<String> WRITE_PARAMETERS =
      List.of("fieldValidation", "fieldManager", "dryRun");

  private OpenApiPaths() {}

  /**
   * @param paths the document's {@code paths} object
   * @param ref the kind's schema reference
   * @param v3 OpenAPI 3 (request bodies and content) or Swagger 2 (body parameters)
   */
  static void add(ObjectNode paths, ResourceType t, String ref, boolean v3) {
    List<String> verbs = Verbs.of(t);
    String base = t.groupVersionPath();
    String collection =
        t.namespaced() ? base + "/namespaces/{namespace}/" + t.plural() : base + "/" + t.plural();
    ObjectNode items = paths.putObject(collection);
    if (verbs.contains("list")) {
      operation(items, "get", t, "list", ref, v3, List.of());
    }
    if (verbs.contains("create")) {
      operation(items, "post", t, "post", ref, v3, WRITE_PARAMETERS);
    }
    if (!verbs.contains("get")) {
      return;
    }
    ObjectNode item = paths.putObject(collection + "/{name}");
    operation(item, "get", t, "get", ref, v3, List.of());
    if (verbs.contains("update")) {
      operation(item, "put", t, "put", ref, v3, WRITE_PARAMETERS);
    }
    if (verbs.contains("patch")) {
      ObjectNode patch =
          operation(
              item,
              "patch",
              t,
              "patch",
              ref,
              v3,
              List.of("fieldValidation", "fieldManager", "dryRun", "force"));
      if (v3) {
        ObjectNode content = patch.putObject("requestBody").putObject("content");
        PATCH_TYPES.forEach(
            type -> content.putObject(type).putObject("schema").put("type", "object"));
      }
    }
    if (verbs.contains("delete")) {
      operation(item, "delete", t, "delete", ref, v3, List.of("dryRun"));
    }
  }

  private static ObjectNode operation(
      ObjectNode pathItem,
      String method,
      ResourceType t,
      String action,
      String ref,
      boolean v3,
      List<String> queryParameters) {
    ObjectNode op = pathItem.putObject(method);
    op.put("operationId", action + t.kind());
    op.put("x-kubernetes-action", action);
    op.putObject("x-kubernetes-group-version-kind")
        .put("group", t.group())
        .put("version", t.version())
        .put("kind", t.kind());
    ArrayNode params = op.putArray("parameters");
    for (String name : queryParameters) {
      ObjectNode p = params.addObject().put("name", name).put("in", "query");
      if (v3) {
        p.putObject("schema").put("type", "string");
      } else {
        p.put("type", "string");
      }
    }
    boolean list = action.equals("list");
    ObjectNode ok = op.putObject("responses").putObject("200").put("description", "OK");
    ObjectNode schema;
    if (v3) {
      schema = ok.putObject("content").putObject("application/json").putObject("schema");
    } else {
      schema = ok.putObject("schema");
    }
    if (list) {
      schema
          .put("type", "object")
          .putObject("properties")
          .putObject("items")
          .put("type", "array")
          .putObject("items")
          .put("$ref", ref);
    } else {
      schema.put("$ref", ref);
    }
    return op;
  }
}
