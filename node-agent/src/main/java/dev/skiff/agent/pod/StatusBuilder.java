package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.api.model.core.ContainerState;
import dev.skiff.api.model.core.ContainerStateRunning;
import dev.skiff.api.model.core.ContainerStateTerminated;
import dev.skiff.api.model.core.ContainerStateWaiting;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.HostIP;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodIP;
import dev.skiff.api.model.core.PodStatus;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a pod's status from its containers' views: containerStatuses (state, lastState,
 * restartCount, ready, started), phase, conditions, IPs, start time. Pure: no I/O, no clock but
 * {@code now}.
 */
final class StatusBuilder {
  private final String idScheme;

  /**
   * @param idScheme the runtime's container id scheme, e.g. {@code docker}
   */
  StatusBuilder(String idScheme) {
    this.idScheme = idScheme;
  }

  PodStatus build(
      Pod pod,
      List<ContainerView> views,
      String podIp,
      String hostIp,
      Instant startTime,
      Instant now) {
    return build(pod, List.of(), views, podIp, hostIp, startTime, now);
  }

  /** With the views of the pod's init containers (in order) as well. */
  PodStatus build(
      Pod pod,
      List<ContainerView> initViews,
      List<ContainerView> views,
      String podIp,
      String hostIp,
      Instant startTime,
      Instant now) {
    PodStatus old = StatusBuilder.statusOf(pod);
    PodStatus status = new PodStatus();
    status.containerStatuses = new ArrayList<>();
    for (ContainerView v : views) {
      status.containerStatuses.add(containerStatus(v));
    }
    List<String> initPending = new ArrayList<>();
    if (!initViews.isEmpty()) {
      status.initContainerStatuses = new ArrayList<>();
      for (ContainerView v : initViews) {
        ContainerStatus s = containerStatus(v);
        status.initContainerStatuses.add(s);
        if (s.state.terminated == null || !Integer.valueOf(0).equals(s.state.terminated.exitCode)) {
          initPending.add(s.name);
        }
      }
    }
    String phase =
        initPending.isEmpty()
            ? PodPhase.of(pod.spec().restartPolicy, status.containerStatuses)
            : PodPhase.ofInitializing(pod.spec().restartPolicy, status.initContainerStatuses);
    status.phase = PodPhase.isTerminal(old.phase) ? old.phase : phase;
    if (PodPhase.isTerminal(old.phase)) {
      status.reason = old.reason;
      status.message = old.message;
    }
    if (PodPhase.isTerminal(status.phase)) {
      status.containerStatuses.forEach(s -> s.ready = false);
    }
    status.hostIP = hostIp;
    status.hostIPs = hostIp == null ? null : List.of(hostIp(hostIp));
    status.podIP = podIp;
    status.podIPs = podIp == null ? null : List.of(podIp(podIp));
    status.startTime = old.startTime != null ? old.startTime : Times.time(startTime);
    status.qosClass = old.qosClass;
    status.conditions = Conditions.of(old, status, views.size(), initPending, now);
    return status;
  }

  /**
   * The status of a pod the agent evicted, as the kubelet's eviction manager leaves it: phase
   * Failed, reason Evicted, the eviction's message, nothing ready (its containers have stopped, so
   * the conditions say so already).
   */
  static PodStatus evicted(PodStatus built, String message) {
    built.phase = PodPhase.FAILED;
    built.reason = "Evicted";
    built.message = message;
    if (built.containerStatuses != null) {
      built.containerStatuses.forEach(s -> s.ready = false);
    }
    return built;
  }

  /** The pod's stored status, or an empty one; never attaches one to the (shared, cached) pod. */
  static PodStatus statusOf(Pod pod) {
    return pod.status != null ? pod.status : new PodStatus();
  }

  private ContainerStatus containerStatus(ContainerView v) {
    ContainerStatus s = new ContainerStatus();
    s.name = v.spec().name;
    s.image = v.spec().image;
    s.restartCount = v.restartCount();
    s.state = new ContainerState();
    ContainerInfo current = v.current();
    if (v.waitingReason() != null || current == null) {
      s.state.waiting = new ContainerStateWaiting();
      s.state.waiting.reason = v.waitingReason() == null ? "ContainerCreating" : v.waitingReason();
      s.state.waiting.message = v.waitingMessage();
      s.lastState = terminated(current != null && current.exited() ? current : v.previous());
    } else if (current.exited()) {
      s.state.terminated = terminatedState(current);
      s.lastState = terminated(v.previous());
    } else {
      s.state.running = new ContainerStateRunning();
      s.state.running.startedAt = Times.time(current.startedAt());
      s.lastState = terminated(v.previous());
    }
    if (current != null) {
      s.imageID = current.imageId();
      s.containerID = idScheme + "://" + current.id();
    }
    boolean running = s.state.running != null;
    s.started = running && v.started();
    s.ready = running && v.ready();
    return s;
  }

  private ContainerState terminated(ContainerInfo info) {
    ContainerState state = new ContainerState();
    if (info != null && info.exited()) {
      state.terminated = terminatedState(info);
    }
    return state;
  }

  private ContainerStateTerminated terminatedState(ContainerInfo info) {
    ContainerStateTerminated t = new ContainerStateTerminated();
    t.exitCode = info.exitCode();
    t.reason = info.reason();
    t.message = info.message();
    t.startedAt = Times.time(info.startedAt());
    t.finishedAt = Times.time(info.finishedAt());
    t.containerID = idScheme + "://" + info.id();
    if (info.exitCode() != null && info.exitCode() > 128) {
      t.signal = info.exitCode() - 128;
    }
    return t;
  }

  private static PodIP podIp(String ip) {
    PodIP p = new PodIP();
    p.ip = ip;
    return p;
  }

  private static HostIP hostIp(String ip) {
    HostIP h = new HostIP();
    h.ip = ip;
    return h;
  }
}
