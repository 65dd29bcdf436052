package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one sync shows for a container and what it must schedule for it, computed and never acted
 * on: {@link PodSyncer} starts the probes, sends the event and requeues.
 *
 * @param view the state to report
 * @param requeueNow a start is due: sync again at once
 * @param requeueAfter the crash back-off ends then: sync again after it (null: no wait)
 * @param backOff the BackOff event to send, once per back-off (null: none)
 */
record ContainerPlan(
    ContainerView view, boolean requeueNow, Duration requeueAfter, BackOffEvent backOff) {

  /** A BackOff Warning about the back-off that answers the exit or failure at {@code at}. */
  record BackOffEvent(Instant at, String message) {}

  /**
   * Everything one container's plan is computed from.
   *
   * @param instances the container's instances, oldest first
   * @param hasSandbox whether the pod's sandbox runs (else it is being created or failed)
   * @param sandboxFailure the last failure to create the sandbox, or null
   * @param blocked the container waits for the init containers before it
   */
  record Input(
      Pod pod,
      String uid,
      Container spec,
      ContainerRecord record,
      List<ContainerInfo> instances,
      boolean hasSandbox,
      StartFailure sandboxFailure,
      String restartPolicy,
      boolean blocked) {
    ContainerInfo latest() {
      return instances.isEmpty() ? null : instances.get(instances.size() - 1);
    }

    /** Whether the container's probes follow its latest instance (once it may run at all). */
    boolean probed() {
      return hasSandbox && !(blocked && latest() == null);
    }
  }

  static ContainerPlan of(Input in, CrashBackoff backoff, Instant now) {
    Container c = in.spec();
    ContainerRecord cr = in.record();
    List<ContainerInfo> instances = in.instances();
    ContainerInfo latest = in.latest();
    ContainerInfo previous = instances.size() < 2 ? null : instances.get(instances.size() - 2);
    int restarts = latest == null ? cr.baseAttempt : latest.attempt();
    if (in.hasSandbox() && !in.probed()) {
      return shows(
          new ContainerView(c, null, null, "PodInitializing", null, false, false, restarts));
    }
    if (!in.hasSandbox()) {
      StartFailure f = in.sandboxFailure();
      return shows(
          new ContainerView(
              c,
              latest,
              previous,
              f == null ? "ContainerCreating" : f.reason(),
              f == null ? null : f.message(),
              false,
              false,
              restarts));
    }
    String key = in.uid() + "/" + c.name;
    RestartDecision decision =
        in.blocked()
            ? RestartDecision.NONE
            : RestartDecision.decide(
                in.restartPolicy(), latest, cr.failure, cr.starting, backoff, key);
    String waiting = null;
    String message = null;
    boolean requeueNow = false;
    Duration requeueAfter = null;
    BackOffEvent event = null;
    switch (decision.action()) {
      case START -> {
        requeueNow = true;
        waiting = cr.failure != null ? cr.failure.reason() : "ContainerCreating";
        message = cr.failure != null ? cr.failure.message() : null;
      }
      case BACKOFF -> {
        long seconds = Math.max(1, Duration.between(now, decision.until()).toSeconds());
        boolean crashed = cr.failure == null || !decision.eventTime().equals(cr.failure.at());
        boolean ownBackoff = !crashed && cr.failure.retryAt() != null;
        waiting = crashed ? "CrashLoopBackOff" : cr.failure.reason();
        message = crashed ? crashLoopMessage(in, seconds) : cr.failure.message();
        if (!ownBackoff && !decision.eventTime().equals(cr.backoffReported)) {
          event =
              new BackOffEvent(
                  decision.eventTime(),
                  crashed
                      ? "Back-off restarting failed container "
                          + c.name
                          + " in pod "
                          + in.pod().meta().name
                      : "Back-off: " + cr.failure.message());
        }
        requeueAfter = Duration.between(now, decision.until());
      }
      case NONE -> {
        if (cr.starting) {
          waiting = "ContainerCreating";
        } else if (cr.failure != null && latest == null) {
          waiting = cr.failure.reason();
          message = cr.failure.message();
        }
      }
    }
    boolean running = latest != null && latest.running();
    boolean ready = running && (cr.probes == null || cr.probes.ready());
    boolean started = running && (cr.probes == null || cr.probes.started());
    return new ContainerPlan(
        new ContainerView(c, latest, previous, waiting, message, ready, started, restarts),
        requeueNow,
        requeueAfter,
        event);
  }

  private static ContainerPlan shows(ContainerView view) {
    return new ContainerPlan(view, false, null, null);
  }

  private static String crashLoopMessage(Input in, long seconds) {
    Pod pod = in.pod();
    return "back-off "
        + seconds
        + "s restarting failed container="
        + in.spec().name
        + " pod="
        + pod.meta().name
        + "_"
        + pod.meta().namespace
        + "("
        + in.uid()
        + ")";
  }
}
