package dev.skiff.agent.pod;

import dev.skiff.agent.probe.ContainerProbes;
import dev.skiff.agent.probe.ProbeKind;
import dev.skiff.agent.probe.ProbeTarget;
import dev.skiff.agent.probe.Prober;
import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Keeps probes on the running instance of each container: a readiness or startup change re-syncs
 * the pod, a failed attempt is an Unhealthy event, a liveness or startup failure restarts the
 * container (Killing event, the probe's or pod's grace period).
 */
final class ContainerProbeWiring {
  private final Vertx vertx;
  private final Prober prober;
  private final ContainerRuntime runtime;
  private final EventRecorder events;
  private final PodSyncer.Requeue requeue;

  ContainerProbeWiring(
      Vertx vertx,
      Prober prober,
      ContainerRuntime runtime,
      EventRecorder events,
      PodSyncer.Requeue requeue) {
    this.vertx = vertx;
    this.prober = prober;
    this.runtime = runtime;
    this.events = events;
    this.requeue = requeue;
  }

  /** Starts probes for a newly running instance, stops them when it is no longer running. */
  void watch(
      Pod pod,
      PodRecord record,
      ContainerRecord cr,
      Container c,
      ContainerInfo latest,
      Sandbox sandbox) {
    if (latest == null || !latest.running()) {
      cr.stopProbes();
      return;
    }
    if (latest.id().equals(cr.probedId)) {
      return;
    }
    cr.stopProbes();
    cr.probedId = latest.id();
    if (c.readinessProbe == null && c.livenessProbe == null && c.startupProbe == null) {
      return;
    }
    ProbeTarget target = new ProbeTarget(sandbox.ip(), latest.id(), c.ports);
    cr.probes =
        new ContainerProbes(
            vertx,
            prober,
            c,
            target,
            new ContainerProbes.Listener() {
              @Override
              public void changed() {
                requeue.now(record.key);
              }

              @Override
              public void unhealthy(ProbeKind kind, String message) {
                events.warning(
                    pod,
                    EventRecorder.containerField(c.name),
                    "Unhealthy",
                    kind.title() + " probe failed: " + message);
              }

              @Override
              public void failed(ProbeKind kind) {
                restartUnhealthy(pod, record, c, latest, kind);
              }
            });
    cr.probes.start();
  }

  private void restartUnhealthy(
      Pod pod, PodRecord record, Container c, ContainerInfo instance, ProbeKind kind) {
    events.normal(
        pod,
        EventRecorder.containerField(c.name),
        "Killing",
        "Container "
            + c.name
            + " failed "
            + kind.title().toLowerCase(java.util.Locale.ROOT)
            + " probe, will be restarted");
    var probe = kind == ProbeKind.STARTUP ? c.startupProbe : c.livenessProbe;
    Duration grace = Grace.of(pod, probe == null ? null : probe.terminationGracePeriodSeconds);
    runtime.stopContainer(instance.id(), grace).onComplete(ar -> requeue.now(record.key));
  }
}
