package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;

/**
 * Server-side defaulting and validation of an object about to be written. Runs inside update
 * functions, so it must be pure: it returns the defaulted object or throws a StatusException
 * (Invalid).
 */
@FunctionalInterface
public interface Admission {
  /**
   * @param object the object to write (may be modified and returned)
   * @param old the stored object for updates, null for creates
   */
  ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old);

  /**
   * Whether admitting this kind may block (a remote call, such as claiming an allocated value).
   * Updates always admit on a worker thread; creates do so only when this says they must.
   */
  default boolean blocks(ResourceType type) {
    return false;
  }

  /** Accepts everything unchanged. */
  Admission NONE = (type, object, old) -> object;
}
