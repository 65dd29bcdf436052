package dev.skiff.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** Reads of whole objects shared by the commands: items of a list with their kind set. */
final class Fetch {
  private Fetch() {}

  /** The items of a list, each with apiVersion and kind (servers may leave them out). */
  static List<ObjectNode> list(
      Session session, ResourceType type, String namespace, ListOptions options) {
    ObjectNode list = session.await(session.raw().list(type, namespace(type, namespace), options));
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode item : list.path("items")) {
      if (item instanceof ObjectNode object) {
        items.add(withKind(type, object));
      }
    }
    return items;
  }

  static ObjectNode get(Session session, ResourceType type, String namespace, String name) {
    return withKind(type, session.await(session.raw().get(type, namespace(type, namespace), name)));
  }

  /** Cluster-scoped kinds take no namespace. */
  static String namespace(ResourceType type, String namespace) {
    return type.namespaced() ? namespace : null;
  }

  static ObjectNode withKind(ResourceType type, ObjectNode object) {
    if (!object.hasNonNull("kind") || !object.hasNonNull("apiVersion")) {
      ObjectNode copy = object.objectNode();
      copy.put("apiVersion", type.apiVersion());
      copy.put("kind", type.kind());
      object.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
      return copy;
    }
    return object;
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }
}
