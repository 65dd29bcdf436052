package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.Sandbox;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * What the agent knows about one pod (one uid) beyond the runtime's containers: sandbox progress,
 * per-container bookkeeping, the last status it wrote, and its termination. Touched only on the
 * agent's context.
 */
final class PodRecord {
  final String uid;
  final String key;
  final Map<String, ContainerRecord> containers = new HashMap<>();
  Future<Sandbox> sandbox;
  StartFailure sandboxFailure;
  String writtenStatus;
  Future<Void> termination;

  /**
   * The eviction message once the agent evicted the pod: its containers stop, are never started
   * again, and every sync reports the pod Failed / Evicted.
   */
  String evicted;

  java.time.Instant startTime;

  /** The delay before the next try to set up volumes that failed, null after a success. */
  java.time.Duration mountRetry;

  PodRecord(String uid, String key) {
    this.uid = uid;
    this.key = key;
  }

  ContainerRecord container(String name) {
    return containers.computeIfAbsent(name, n -> new ContainerRecord());
  }

  /** The sandbox if it has been created. */
  Sandbox readySandbox() {
    return sandbox != null && sandbox.succeeded() ? sandbox.result() : null;
  }

  void stopProbes() {
    containers.values().forEach(ContainerRecord::stopProbes);
  }
}
