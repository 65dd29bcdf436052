package dev.skiff.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.auth.Attributes;
import dev.skiff.server.auth.RequestAttributes;
import dev.skiff.server.http.MediaRange;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fieldValidation} query parameter of creates, updates and patches, checked against the
 * generated schemas as kube-apiserver does: {@code Strict} (kubectl's default) fails a body with a
 * field the kind does not have with 400 BadRequest "strict decoding error: unknown field ...";
 * {@code Warn} lets it through with one {@code Warning} header per field; {@code Ignore} or no
 * parameter checks nothing. JSON patches, protobuf bodies and subresources are not checked.
 */
public final class FieldValidation implements Handler<RoutingContext> {
  private static final Set<HttpMethod> WRITES =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
  private static final Set<String> CHECKED =
      Set.of(
          "",
          "application/json",
          "application/yaml",
          "application/merge-patch+json",
          "application/strategic-merge-patch+json",
          "application/apply-patch+yaml");

  private final Map<ResourceType, UnknownFields> byKind = new HashMap<>();

  public FieldValidation() {
    for (ResourceType t : Resources.ALL) {
      byKind.put(t, UnknownFields.of(t));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    String mode = ctx.request().getParam("fieldValidation");
    if (!WRITES.contains(ctx.request().method())
        || mode == null
        || !(mode.equals("Strict") || mode.equals("Warn"))) {
      ctx.next();
      return;
    }
    List<String> unknown = unknownFields(ctx);
    if (unknown.isEmpty()) {
      ctx.next();
    } else if (mode.equals("Strict")) {
      ctx.fail(StatusException.badRequest(strictMessage(ctx, unknown)));
    } else {
      unknown.forEach(
          f ->
              ctx.response().headers().add("Warning", "299 - \"unknown field \\\"" + f + "\\\"\""));
      ctx.next();
    }
  }

  private List<String> unknownFields(RoutingContext ctx) {
    Attributes a = RequestAttributes.of(ctx.request().method(), ctx.request().path(), false);
    ResourceType type =
        a.resourceRequest() && a.subresource().isEmpty()
            ? Resources.byPlural(a.group(), a.resource()).orElse(null)
            : null;
    String contentType = MediaRange.bareType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    if (type == null || !CHECKED.contains(contentType) || ctx.body().buffer() == null) {
      return List.of();
    }
    try {
      byte[] body = ctx.body().buffer().getBytes();
      JsonNode tree =
          contentType.endsWith("yaml")
              ? Json.yamlMapper().readTree(body)
              : Json.mapper().readTree(body);
      return byKind.get(type).in(tree);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String strictMessage(RoutingContext ctx, List<String> unknown) {
    StringBuilder fields = new StringBuilder();
    for (String f : unknown) {
      fields
          .append(fields.length() == 0 ? "" : ", ")
          .append("unknown field \"")
          .append(f)
          .append('"');
    }
    return "strict decoding error: " + fields;
  }
}
