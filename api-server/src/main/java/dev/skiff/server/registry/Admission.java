package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;

/**
 * Server-side defaulting and validation of an object about to be written. Runs inside update
 * functions, so it must be pure: it returns the defaulted object or throws a StatusException
 * (Invalid). It always runs on a worker thread, never an event loop, so it may block (a remote
 * call, such as claiming an allocated value).
 */
@FunctionalInterface
public interface Admission {
  /**
   * @param object the object to write (may be modified and returned)
   * @param old the stored object for updates, null for creates
   */
  ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old);

  /**
   * Whether a new pod is refused when its ServiceAccount does not exist (Kubernetes' ServiceAccount
   * admission, {@link ServiceAccountAdmission}): on where a controller keeps the {@code default}
   * ServiceAccounts.
   */
  default boolean checksServiceAccounts() {
    return false;
  }

  /** Accepts everything unchanged. */
  Admission NONE = (type, object, old) -> object;
}
