package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.crd.CustomVersions;
import dev.skiff.server.registry.Metadata;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/** Writes one object: as JSON, or as a one-row Table when the client asked for a Table. */
final class ObjectReplies {
  private ObjectReplies() {}

  static void object(
      RoutingContext ctx, Clock clock, ResourceType type, int code, ObjectNode object) {
    CustomVersions.as(type, object);
    if (Negotiation.wantsTable(ctx)) {
      IncludeObject include = IncludeObject.parse(ctx.request().getParam("includeObject"));
      ObjectNode table =
          Tables.table(
              type, List.of(object), Metadata.resourceVersion(object), include, clock.instant());
      Replies.bytes(ctx, code, Replies.JSON, Json.toBytes(table));
      return;
    }
    Replies.bytes(ctx, code, Replies.JSON, Json.toBytes(object));
  }
}
