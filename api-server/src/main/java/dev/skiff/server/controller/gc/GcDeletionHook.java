package dev.skiff.server.controller.gc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.registry.DeletionHook;
import java.util.List;
import java.util.Set;

/**
 * The garbage collector's side of deletion: for owners whose dependents it manages, Orphan adds the
 * "orphan" finalizer and Foreground adds "foregroundDeletion"; {@link GarbageCollector} then
 * orphans or deletes the dependents and removes the finalizer. Background (the default) adds
 * nothing: the collector deletes dependents once their owner is gone. Custom resources are owners
 * too ({@link CustomOwners}).
 */
public final class GcDeletionHook implements DeletionHook {
  public static final String ORPHAN = "orphan";
  public static final String FOREGROUND = "foregroundDeletion";

  static final Set<ResourceType> OWNERS =
      Set.of(
          Resources.DEPLOYMENTS,
          Resources.REPLICASETS,
          Resources.SERVICES,
          Resources.JOBS,
          Resources.CRONJOBS,
          Resources.STATEFULSETS,
          Resources.DAEMONSETS,
          Resources.REPLICATIONCONTROLLERS);

  @Override
  public List<String> finalizersFor(ResourceType type, ObjectNode object, String policy) {
    if ((!OWNERS.contains(type) && !type.isCustom()) || policy == null) {
      return List.of();
    }
    return switch (policy) {
      case "Orphan" -> List.of(ORPHAN);
      case "Foreground" -> List.of(FOREGROUND);
      default -> List.of();
    };
  }
}
