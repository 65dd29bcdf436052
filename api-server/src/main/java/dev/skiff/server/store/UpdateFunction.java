package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the next state of an object from its current state, atomically with respect to other
 * writers of the same key (like Kubernetes' GuaranteedUpdate). It runs on a worker thread, must be
 * free of side effects, and may throw a {@link dev.skiff.api.status.StatusException} (for example
 * Conflict on a resourceVersion precondition, or Invalid) to abort the write.
 */
@FunctionalInterface
public interface UpdateFunction {
  /**
   * @param current a private copy of the stored object, safe to mutate
   * @return the new object, or {@code current} unchanged (returned as-is, nothing is written, no
   *     event) when there is nothing to do
   */
  ObjectNode apply(ObjectNode current);
}
