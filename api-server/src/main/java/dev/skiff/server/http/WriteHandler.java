package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.server.registry.DeleteRequest;
import dev.skiff.server.registry.FieldValidation;
import dev.skiff.server.registry.Metadata;
import dev.skiff.server.registry.Subresource;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** POST, PUT, PATCH and DELETE of objects, their status, and DELETE of collections. */
final class WriteHandler {
  private final ApiContext api;

  WriteHandler(ApiContext api) {
    this.api = api;
  }

  void create(RoutingContext ctx, ResourcePath path) {
    ObjectNode body = Bodies.object(ctx);
    QueryParams query = new QueryParams(ctx);
    FieldValidation fields = FieldValidation.of(query.get("fieldValidation"));
    api.registry()
        .create(path.type(), path.namespace(), body, query.dryRun(), fields)
        .onSuccess(object -> reply(ctx, path, 201, object, fields))
        .onFailure(ctx::fail);
  }

  void replace(RoutingContext ctx, ResourcePath path, Subresource sub) {
    ObjectNode body = Bodies.object(ctx);
    QueryParams query = new QueryParams(ctx);
    FieldValidation fields = FieldValidation.of(query.get("fieldValidation"));
    api.registry()
        .replace(path.type(), path.namespace(), path.name(), body, sub, query.dryRun(), fields)
        .onSuccess(object -> reply(ctx, path, 200, object, fields))
        .onFailure(ctx::fail);
  }

  void patch(RoutingContext ctx, ResourcePath path, Subresource sub) {
    byte[] body = Bodies.patch(ctx);
    QueryParams query = new QueryParams(ctx);
    FieldValidation fields = FieldValidation.of(query.get("fieldValidation"));
    api.registry()
        .patch(
            path.type(),
            path.namespace(),
            path.name(),
            body,
            Bodies.patchType(ctx),
            sub,
            query.dryRun(),
            fields)
        .onSuccess(w -> reply(ctx, path, w.created() ? 201 : 200, w.object(), fields))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx, ResourcePath path) {
    DeleteRequest options = DeleteOptionsParser.parse(ctx);
    api.registry()
        .delete(path.type(), path.namespace(), path.name(), options)
        .onSuccess(object -> reply(ctx, path, 200, object))
        .onFailure(ctx::fail);
  }

  /** DELETE on a collection: deletes every object matching the selectors, returns them. */
  void deleteCollection(RoutingContext ctx, ResourcePath path) {
    QueryParams query = new QueryParams(ctx);
    ObjectFilter filter =
        ObjectFilter.of(query.get("labelSelector"), query.get("fieldSelector"), path.type());
    DeleteRequest options = DeleteOptionsParser.parse(ctx);
    api.registry()
        .list(path.type(), path.namespace())
        .compose(
            list -> {
              List<Future<ObjectNode>> deleted = new ArrayList<>();
              for (ObjectNode item : list.items()) {
                if (filter.test(item)) {
                  deleted.add(
                      api.registry()
                          .delete(
                              path.type(), Metadata.namespace(item), Metadata.name(item), options));
                }
              }
              return Future.all(deleted).map(all -> all.<ObjectNode>list());
            })
        .onSuccess(items -> Replies.json(ctx, 200, deletedList(path, items)))
        .onFailure(ctx::fail);
  }

  private ObjectNode deletedList(ResourcePath path, List<ObjectNode> items) {
    ObjectNode list = Json.mapper().createObjectNode();
    list.put("kind", path.type().listKind());
    list.put("apiVersion", path.type().apiVersion());
    list.putObject("metadata");
    ArrayNode array = list.putArray("items");
    items.forEach(array::add);
    return list;
  }

  private void reply(RoutingContext ctx, ResourcePath path, int code, ObjectNode object) {
    ObjectReplies.object(ctx, api.clock(), path.type(), code, object);
  }

  /** The reply, after one {@code Warning: 299 - "..."} header per field-validation warning. */
  private void reply(
      RoutingContext ctx, ResourcePath path, int code, ObjectNode object, FieldValidation fields) {
    for (String warning : fields.warnings()) {
      ctx.response()
          .headers()
          .add("Warning", "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    reply(ctx, path, code, object);
  }
}
