package dev.skiff.agent.pod;

import dev.skiff.agent.pod.env.ContainerEnv;
import dev.skiff.agent.probe.ContainerProbes;

/** The agent's bookkeeping for one container of a pod (across its restarts). */
final class ContainerRecord {
  /** Restart count the first instance started by this agent gets (an earlier agent's count). */
  int baseAttempt;

  boolean starting;
  StartFailure failure;

  /** The running instance the probes watch, and its probes. */
  String probedId;

  ContainerProbes probes;

  /** The finish time (or failure time) a BackOff event was already sent for. */
  java.time.Instant backoffReported;

  /** Forgets a CreateContainerConfigError so the container is started at once, not backed off. */
  void clearConfigError() {
    if (failure != null && ContainerEnv.CONFIG_ERROR.equals(failure.reason())) {
      failure = null;
    }
  }

  void stopProbes() {
    if (probes != null) {
      probes.stop();
      probes = null;
      probedId = null;
    }
  }
}
