package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import java.util.List;

/**
 * The garbage collector's hook into deletion. Cascading by ownerReferences is not the API server's
 * job: a collector watching DELETED events removes dependents (Background). For Foreground and
 * Orphan it returns the finalizers to add ("foregroundDeletion", "orphan"); the object then only
 * gets a deletionTimestamp and the collector removes the finalizer when done. The default adds
 * none, so every deletion behaves like Background without dependents.
 */
@FunctionalInterface
public interface DeletionHook {
  /**
   * @param propagationPolicy Background, Foreground, Orphan, or null when the client sent none
   * @return finalizers to add before deleting; empty for none
   */
  List<String> finalizersFor(ResourceType type, ObjectNode object, String propagationPolicy);

  DeletionHook NONE = (type, object, policy) -> List.of();
}
