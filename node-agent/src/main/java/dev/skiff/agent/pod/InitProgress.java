package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.api.model.core.Container;
import java.util.List;
import java.util.function.Function;

/**
 * Where a pod's init containers stand: they run one at a time, in order, each to a successful exit
 * before the next (and the app containers) may start. A failed one is retried (restartPolicy Always
 * or OnFailure) or fails the pod (Never).
 *
 * @param next the init container to run or wait for; null when all are done or one failed for good
 * @param failed an init container failed under restartPolicy Never
 */
record InitProgress(Container next, boolean failed) {

  boolean done() {
    return next == null && !failed;
  }

  static InitProgress of(
      List<Container> inits, String restartPolicy, Function<String, ContainerInfo> latest) {
    if (inits != null) {
      for (Container c : inits) {
        ContainerInfo info = latest.apply(c.name);
        if (info == null || !info.exited()) {
          return new InitProgress(c, false);
        }
        if (info.exitCode() == null || info.exitCode() != 0) {
          return "Never".equals(restartPolicy)
              ? new InitProgress(null, true)
              : new InitProgress(c, false);
        }
      }
    }
    return new InitProgress(null, false);
  }

  /** Init containers restart only on failure, and not at all under Never. */
  static String policy(String podPolicy) {
    return "Never".equals(podPolicy) ? "Never" : "OnFailure";
  }
}
