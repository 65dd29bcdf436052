package dev.skiff.agent.probe;

import dev.skiff.api.model.core.Probe;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/**
 * Probes one container periodically (after the initial delay, every period) and keeps the verdict
 * through a {@link ProbeCounter}. Runs on the context that started it; {@link #stop()} ends it.
 */
final class ProbeWorker {
  /** What a worker reports to its container. */
  interface Listener {
    void failedAttempt(ProbeKind kind, String message);

    void verdictChanged(ProbeKind kind, boolean verdict);
  }

  private final Vertx vertx;
  private final Prober prober;
  private final ProbeKind kind;
  private final Probe probe;
  private final ProbeTiming timing;
  private final ProbeTarget target;
  private final BooleanSupplier mayProbe;
  private final Listener listener;
  private final ProbeCounter counter;
  private long timer = -1;
  private boolean stopped;

  ProbeWorker(
      Vertx vertx,
      Prober prober,
      ProbeKind kind,
      Probe probe,
      ProbeTarget target,
      BooleanSupplier mayProbe,
      Listener listener) {
    this.vertx = vertx;
    this.prober = prober;
    this.kind = kind;
    this.probe = probe;
    this.timing = ProbeTiming.of(probe);
    this.target = target;
    this.mayProbe = mayProbe;
    this.listener = listener;
    this.counter = new ProbeCounter(timing, kind.initialResult());
  }

  void start() {
    schedule(Math.max(1, timing.initialDelay().toMillis()));
  }

  void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  boolean verdict() {
    return counter.verdict();
  }

  private void schedule(long delayMillis) {
    if (!stopped) {
      timer = vertx.setTimer(delayMillis, t -> tick());
    }
  }

  private void tick() {
    if (stopped) {
      return;
    }
    if (!mayProbe.getAsBoolean()) {
      schedule(timing.period().toMillis());
      return;
    }
    prober
        .probe(probe, target, timing.timeout())
        .onComplete(
            ar -> {
              if (stopped) {
                return;
              }
              ProbeOutcome outcome = ar.succeeded() ? ar.result() : ProbeOutcome.failure("error");
              if (!outcome.success()) {
                listener.failedAttempt(kind, outcome.message());
              }
              boolean before = counter.verdict();
              boolean after = counter.record(outcome.success());
              if (kind == ProbeKind.READINESS) {
                if (before != after) {
                  listener.verdictChanged(kind, after);
                }
              } else if (counter.failureThresholdReached()) {
                listener.verdictChanged(kind, false);
              } else if (after && !before) {
                listener.verdictChanged(kind, true);
              }
              schedule(timing.period().toMillis());
            });
  }
}
