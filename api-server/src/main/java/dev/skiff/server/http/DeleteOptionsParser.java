package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.server.registry.DeleteRequest;
import io.vertx.ext.web.RoutingContext;

/** DeleteRequest from a DELETE's optional body and its query parameters (query wins). */
final class DeleteOptionsParser {
  private DeleteOptionsParser() {}

  static DeleteRequest parse(RoutingContext ctx) {
    ObjectNode body = Bodies.optionalObject(ctx);
    QueryParams query = new QueryParams(ctx);
    Long grace = query.number("gracePeriodSeconds");
    if (grace == null && body.hasNonNull("gracePeriodSeconds")) {
      grace = body.get("gracePeriodSeconds").asLong();
    }
    String policy = query.getOr("propagationPolicy", text(body.get("propagationPolicy")));
    if (policy == null && body.path("orphanDependents").isBoolean()) {
      policy = body.get("orphanDependents").asBoolean() ? "Orphan" : "Background";
    }
    JsonNode pre = body.path("preconditions");
    boolean dryRun = query.dryRun() || containsAll(body.path("dryRun"));
    return new DeleteRequest(
        grace, policy, text(pre.get("uid")), text(pre.get("resourceVersion")), dryRun);
  }

  private static boolean containsAll(JsonNode dryRun) {
    for (JsonNode v : dryRun) {
      if (v.asText().equals("All")) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
