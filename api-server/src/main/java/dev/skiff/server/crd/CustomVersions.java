package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.store.UpdateFunction;

/**
 * The {@code None} conversion between the versions of a custom kind: an object read through a
 * version carries that version's apiVersion, whatever version wrote it; nothing else changes.
 */
public final class CustomVersions {
  private CustomVersions() {}

  /** {@code object} (changed in place) as the version {@code type} serves. */
  public static ObjectNode as(ResourceType type, ObjectNode object) {
    if (type.isCustom() && object != null && type.kind().equals(object.path("kind").asText())) {
      object.put("apiVersion", type.apiVersion());
    }
    return object;
  }

  /**
   * {@code function} seeing the current object in {@code type}'s version; an unchanged object is
   * left as stored.
   */
  public static UpdateFunction converting(ResourceType type, UpdateFunction function) {
    if (!type.isCustom()) {
      return function;
    }
    return current -> {
      String stored = current.path("apiVersion").asText();
      as(type, current);
      ObjectNode next = function.apply(current);
      if (next == current) {
        current.put("apiVersion", stored);
      }
      return next;
    };
  }
}
