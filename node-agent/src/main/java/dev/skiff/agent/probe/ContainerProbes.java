package dev.skiff.agent.probe;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Probe;
import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.Map;

/**
 * The probes of one running container instance. Readiness and liveness wait until the startup probe
 * (if any) has succeeded; the startup probe stops after its first success. A container is ready
 * when started and its readiness verdict holds (no readiness probe: when started).
 */
public final class ContainerProbes {
  /** What the pod worker learns from the probes. */
  public interface Listener {
    /** Readiness or startup changed: the pod's status must be recomputed. */
    void changed();

    /** One failed attempt (an Unhealthy event). */
    void unhealthy(ProbeKind kind, String message);

    /** Liveness or startup reached its failure threshold: the container must be restarted. */
    void failed(ProbeKind kind);
  }

  private final Map<ProbeKind, ProbeWorker> workers = new EnumMap<>(ProbeKind.class);
  private final Listener listener;
  private boolean started;

  public ContainerProbes(
      Vertx vertx, Prober prober, Container container, ProbeTarget target, Listener listener) {
    this.listener = listener;
    this.started = container.startupProbe == null;
    ProbeWorker.Listener events =
        new ProbeWorker.Listener() {
          @Override
          public void failedAttempt(ProbeKind kind, String message) {
            listener.unhealthy(kind, message);
          }

          @Override
          public void verdictChanged(ProbeKind kind, boolean verdict) {
            onVerdict(kind, verdict);
          }
        };
    add(vertx, prober, ProbeKind.STARTUP, container.startupProbe, target, () -> true, events);
    add(
        vertx,
        prober,
        ProbeKind.READINESS,
        container.readinessProbe,
        target,
        this::started,
        events);
    add(vertx, prober, ProbeKind.LIVENESS, container.livenessProbe, target, this::started, events);
  }

  public void start() {
    workers.values().forEach(ProbeWorker::start);
  }

  public void stop() {
    workers.values().forEach(ProbeWorker::stop);
  }

  public boolean started() {
    return started;
  }

  public boolean ready() {
    ProbeWorker readiness = workers.get(ProbeKind.READINESS);
    return started && (readiness == null || readiness.verdict());
  }

  private void add(
      Vertx vertx,
      Prober prober,
      ProbeKind kind,
      Probe probe,
      ProbeTarget target,
      java.util.function.BooleanSupplier mayProbe,
      ProbeWorker.Listener events) {
    if (probe != null) {
      workers.put(kind, new ProbeWorker(vertx, prober, kind, probe, target, mayProbe, events));
    }
  }

  private void onVerdict(ProbeKind kind, boolean verdict) {
    switch (kind) {
      case STARTUP -> {
        if (verdict) {
          started = true;
          workers.get(ProbeKind.STARTUP).stop();
          listener.changed();
        } else {
          stopAll(kind);
        }
      }
      case LIVENESS -> {
        if (!verdict) {
          stopAll(kind);
        }
      }
      case READINESS -> listener.changed();
    }
  }

  private void stopAll(ProbeKind kind) {
    stop();
    listener.failed(kind);
  }
}
