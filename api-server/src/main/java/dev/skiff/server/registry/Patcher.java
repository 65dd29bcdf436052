package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;

/**
 * Applies a PATCH body of one of the four patch media types to the live object. Pure; throws a
 * StatusException (400/415/422) for bad patches.
 */
@FunctionalInterface
public interface Patcher {
  ObjectNode apply(ObjectNode live, byte[] body, String contentType, ResourceType type);
}
