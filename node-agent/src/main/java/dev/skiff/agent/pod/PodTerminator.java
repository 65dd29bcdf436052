package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful deletion, as the kubelet finishes it: for a pod with a deletionTimestamp, SIGTERM every
 * running container, SIGKILL what is left after the grace period (deletionGracePeriodSeconds, else
 * terminationGracePeriodSeconds), report the final container states, then delete the pod object
 * with a zero grace period (uid precondition). Runs in the background; a failure re-enqueues.
 * Eviction ({@link #evict}) stops the containers the same way and leaves the pod Failed.
 */
final class PodTerminator {
  private static final Logger LOG = LoggerFactory.getLogger(PodTerminator.class);
  private static final Duration EVICTION_GRACE = Duration.ofSeconds(1);

  private final KubeClient client;
  private final ContainerRuntime runtime;
  private final EventRecorder events;
  private final PodStatusWriter writer;
  private final StatusBuilder statuses;
  private final String hostIp;
  private final PodSyncer.Requeue requeue;
  private final Clock clock;

  PodTerminator(
      KubeClient client,
      ContainerRuntime runtime,
      EventRecorder events,
      PodStatusWriter writer,
      StatusBuilder statuses,
      String hostIp,
      PodSyncer.Requeue requeue,
      Clock clock) {
    this.client = client;
    this.runtime = runtime;
    this.events = events;
    this.writer = writer;
    this.statuses = statuses;
    this.hostIp = hostIp;
    this.requeue = requeue;
    this.clock = clock;
  }

  Future<Void> terminate(Pod pod, PodRecord record) {
    if (record.termination != null) {
      return Future.succeededFuture();
    }
    record.stopProbes();
    Duration grace = Grace.of(pod, pod.meta().deletionGracePeriodSeconds);
    record.termination =
        stopRunning(pod, record, grace)
            .transform(ar -> writer.write(pod, record, finalStatus(pod, record)))
            .compose(
                v ->
                    client.delete(
                        Pod.class,
                        pod.meta().namespace,
                        pod.meta().name,
                        DeleteOptions.none()
                            .withGracePeriodSeconds(0)
                            .withPreconditions(pod.meta().uid, null)))
            .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e))
            .onFailure(
                e -> {
                  LOG.warn("pod {}: finishing its deletion failed: {}", record.key, e.toString());
                  record.termination = null;
                  requeue.after(record.key, Duration.ofSeconds(1));
                });
    return Future.succeededFuture();
  }

  /**
   * Evicts the pod as the kubelet's eviction manager does for a local-storage limit: a Warning
   * {@code Evicted} event with the message, every running container stopped with a grace period of
   * 1 s (immediateEvictionGracePeriodSeconds), then a sync, which reports it ({@link
   * #reportEvicted}). The pod object stays (its controller replaces it); the agent never starts its
   * containers again.
   */
  void evict(Pod pod, PodRecord record, String message) {
    if (record.evicted != null || record.termination != null) {
      return;
    }
    record.evicted = message;
    record.stopProbes();
    events.warning(pod, "Evicted", message);
    stopRunning(pod, record, EVICTION_GRACE).onComplete(ar -> requeue.now(record.key));
  }

  /** Stops every running container of the pod with {@code grace}, each with a Killing event. */
  private CompositeFuture stopRunning(Pod pod, PodRecord record, Duration grace) {
    List<Future<Void>> stops = new ArrayList<>();
    for (ContainerInfo c : runtime.containers(record.uid)) {
      if (c.running()) {
        events.normal(
            pod,
            EventRecorder.containerField(c.name()),
            "Killing",
            "Stopping container " + c.name());
        stops.add(runtime.stopContainer(c.id(), grace));
      }
    }
    return Future.join(stops);
  }

  /** The status of an evicted pod: Failed, reason Evicted, its message, the containers' ends. */
  Future<Void> reportEvicted(Pod pod, PodRecord record) {
    return writer.write(
        pod, record, StatusBuilder.evicted(finalStatus(pod, record), record.evicted));
  }

  private dev.skiff.api.model.core.PodStatus finalStatus(Pod pod, PodRecord record) {
    List<ContainerView> views = new ArrayList<>();
    for (Container c : pod.spec().containers) {
      ContainerInfo latest = null;
      ContainerInfo previous = null;
      for (ContainerInfo info : runtime.containers(record.uid)) {
        if (info.name().equals(c.name)) {
          previous = latest;
          latest = info;
        }
      }
      int restarts = latest == null ? record.container(c.name).baseAttempt : latest.attempt();
      views.add(new ContainerView(c, latest, previous, null, null, false, false, restarts));
    }
    String ip =
        record.readySandbox() == null
            ? StatusBuilder.statusOf(pod).podIP
            : record.readySandbox().ip();
    return statuses.build(pod, views, ip, hostIp, record.startTime, clock.instant());
  }
}
