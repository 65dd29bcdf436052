package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;

/** Checks that a body belongs where it was sent: kind, apiVersion, namespace, name. */
final class TypeCheck {
  private TypeCheck() {}

  /** Fills apiVersion and kind when absent; 400 when they name another type. */
  static void apiVersionAndKind(ResourceType type, ObjectNode body) {
    String apiVersion = text(body.get("apiVersion"));
    String kind = text(body.get("kind"));
    if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw StatusException.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + type.apiVersion()
              + ")");
    }
    if (!kind.isEmpty() && !kind.equals(type.kind())) {
      throw StatusException.badRequest(
          "the kind in the data ("
              + kind
              + ") does not match the expected kind ("
              + type.kind()
              + ")");
    }
    body.put("apiVersion", type.apiVersion());
    body.put("kind", type.kind());
  }

  /** Namespaced kinds take the URL's namespace; a different one in the body is a 400. */
  static void namespace(ResourceType type, String namespace, ObjectNode meta) {
    if (!type.namespaced()) {
      meta.remove("namespace");
      return;
    }
    String inBody = text(meta.get("namespace"));
    if (!inBody.isEmpty() && !inBody.equals(namespace)) {
      throw StatusException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    meta.put("namespace", namespace);
  }

  static void name(String urlName, ObjectNode meta) {
    String inBody = text(meta.get("name"));
    if (!inBody.isEmpty() && !inBody.equals(urlName)) {
      throw StatusException.badRequest(
          "the name of the object ("
              + inBody
              + ") does not match the name on the URL ("
              + urlName
              + ")");
    }
    meta.put("name", urlName);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }
}
