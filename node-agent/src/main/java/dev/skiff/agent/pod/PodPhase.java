package dev.skiff.agent.pod;

import dev.skiff.api.model.core.ContainerStatus;
import java.util.List;

/** The pod phase from its container states, following the kubelet's getPhase. */
final class PodPhase {
  static final String PENDING = "Pending";
  static final String RUNNING = "Running";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";

  private PodPhase() {}

  static String of(String restartPolicy, List<ContainerStatus> statuses) {
    int running = 0;
    int waiting = 0;
    int stopped = 0;
    int succeeded = 0;
    for (ContainerStatus s : statuses) {
      if (s.state.running != null) {
        running++;
      } else if (s.state.terminated != null) {
        stopped++;
        if (s.state.terminated.exitCode != null && s.state.terminated.exitCode == 0) {
          succeeded++;
        }
      } else if (s.lastState != null && s.lastState.terminated != null) {
        stopped++;
      } else {
        waiting++;
      }
    }
    if (waiting > 0) {
      return PENDING;
    }
    if (running > 0) {
      return RUNNING;
    }
    if (stopped > 0) {
      String policy = restartPolicy == null ? "Always" : restartPolicy;
      if (policy.equals("Always")) {
        return RUNNING;
      }
      if (stopped == succeeded) {
        return SUCCEEDED;
      }
      return policy.equals("Never") ? FAILED : RUNNING;
    }
    return PENDING;
  }

  /** While init containers are incomplete: Failed if one failed under Never, else Pending. */
  static String ofInitializing(String restartPolicy, List<ContainerStatus> initStatuses) {
    if ("Never".equals(restartPolicy)) {
      for (ContainerStatus s : initStatuses) {
        if (s.state.terminated != null && !Integer.valueOf(0).equals(s.state.terminated.exitCode)) {
          return FAILED;
        }
      }
    }
    return PENDING;
  }

  static boolean isTerminal(String phase) {
    return SUCCEEDED.equals(phase) || FAILED.equals(phase);
  }
}
