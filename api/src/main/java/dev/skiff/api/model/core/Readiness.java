package dev.skiff.api.model.core;

/**
 * The Ready condition of Nodes and Pods, read the one way Kubernetes reads it (podutil.IsPodReady,
 * nodeutil.IsNodeReady): the condition of type Ready has status True. Nothing else (deletion,
 * phase) is considered here; callers that care add it.
 */
public final class Readiness {
  private Readiness() {}

  public static boolean isReady(Node node) {
    if (node.status == null || node.status.conditions == null) {
      return false;
    }
    for (NodeCondition c : node.status.conditions) {
      if ("Ready".equals(c.type)) {
        return "True".equals(c.status);
      }
    }
    return false;
  }

  public static boolean isReady(Pod pod) {
    if (pod.status == null || pod.status.conditions == null) {
      return false;
    }
    for (PodCondition c : pod.status.conditions) {
      if ("Ready".equals(c.type)) {
        return "True".equals(c.status);
      }
    }
    return false;
  }
}
