package dev.skiff.agent.pod;

import dev.skiff.agent.image.ImageManager;
import dev.skiff.agent.pod.env.EnvSources;
import dev.skiff.agent.pod.volume.PodVolumes;
import dev.skiff.agent.pod.volume.VolumeFailure;
import dev.skiff.agent.probe.Prober;
import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.agent.runtime.SandboxSpec;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes one pod real, level-based: ensures its sandbox, starts or restarts each container as the
 * restart policy and the crash back-off allow, keeps probes on running containers, and writes the
 * resulting status. A sync waits for the starts it makes (so one status write reports them) but
 * never for a back-off, a probe or a stop: those re-enqueue the pod. Runs on the agent's context.
 */
final class PodSyncer {
  private static final Duration SANDBOX_RETRY = Duration.ofSeconds(5);
  private static final Duration MOUNT_RETRY = Duration.ofMillis(500);
  private static final Duration MOUNT_RETRY_MAX = Duration.ofSeconds(16);

  private final PodSettings settings;
  private final ContainerRuntime runtime;
  private final EventRecorder events;
  private final CrashBackoff backoff;
  private final PodStatusWriter writer;
  private final Requeue requeue;
  private final Clock clock;
  private final StatusBuilder statuses;
  private final ImageManager images;
  private final ContainerStarter starter;
  private final ContainerProbeWiring probes;
  private final PodStartupTrace trace;
  private final PodVolumes volumes;

  /** How the syncer asks for another sync of a pod key. */
  interface Requeue {
    void now(String key);

    void after(String key, Duration delay);
  }

  PodSyncer(
      Vertx vertx,
      PodSettings settings,
      ContainerRuntime runtime,
      ImageManager images,
      Prober prober,
      EventRecorder events,
      PodStatusWriter writer,
      Function<Pod, Map<String, String>> serviceEnv,
      Function<Pod, EnvSources> envSources,
      Function<Pod, Future<java.nio.file.Path>> serviceAccounts,
      PodVolumes volumes,
      Requeue requeue,
      PodStartupTrace trace,
      Clock clock) {
    this.trace = trace;
    this.volumes = volumes;
    this.settings = settings;
    this.runtime = runtime;
    this.events = events;
    this.writer = writer;
    this.requeue = requeue;
    this.clock = clock;
    this.backoff = new CrashBackoff(settings.backoffInitial(), settings.backoffMax(), clock);
    this.images = images;
    this.statuses = new StatusBuilder(runtime.type());
    this.starter =
        new ContainerStarter(
            settings, runtime, images, events, serviceEnv, envSources, serviceAccounts, clock);
    this.probes = new ContainerProbeWiring(vertx, prober, runtime, events, requeue);
  }

  CrashBackoff backoff() {
    return backoff;
  }

  ImageManager images() {
    return images;
  }

  StatusBuilder statuses() {
    return statuses;
  }

  /**
   * One pass: ensure the sandbox, start the containers that are due (and wait for them), then
   * compute and write the status. Back-offs and retries come back through the queue.
   */
  Future<Void> sync(Pod pod, PodRecord record) {
    return ensureSandbox(pod, record)
        .compose(sandbox -> mountVolumes(pod, record, sandbox))
        .compose(
            mounted ->
                startDue(pod, record, mounted.sandbox(), mounted.volumes()).map(mounted.sandbox()))
        .compose(
            sandbox -> {
              InitProgress init = initProgress(pod, record);
              String initPolicy = InitProgress.policy(pod.spec().restartPolicy);
              List<ContainerView> initViews = new ArrayList<>();
              if (pod.spec().initContainers != null) {
                for (Container c : pod.spec().initContainers) {
                  initViews.add(view(pod, record, c, sandbox, initPolicy, c != init.next()));
                }
              }
              List<ContainerView> views = new ArrayList<>();
              for (Container c : pod.spec().containers) {
                views.add(view(pod, record, c, sandbox, pod.spec().restartPolicy, !init.done()));
              }
              String ip = sandbox == null ? StatusBuilder.statusOf(pod).podIP : sandbox.ip();
              PodStatus status =
                  statuses.build(
                      pod,
                      initViews,
                      views,
                      ip,
                      settings.hostIp(),
                      record.startTime,
                      clock.instant());
              return writer.write(pod, record, status);
            });
  }

  /** The sandbox, or null while it cannot be created (the failure is recorded and retried). */
  private Future<Sandbox> ensureSandbox(Pod pod, PodRecord record) {
    boolean retry =
        record.sandbox != null
            && record.sandbox.failed()
            && !clock.instant().isBefore(record.sandboxFailure.at().plus(SANDBOX_RETRY));
    if (record.sandbox == null || retry) {
      SandboxSpec spec =
          new SandboxSpec(
              pod.meta().uid,
              pod.meta().namespace,
              pod.meta().name,
              pod.spec().hostname != null ? pod.spec().hostname : pod.meta().name,
              StatusBuilder.statusOf(pod).podIP,
              PodDns.of(pod, settings.clusterDns(), settings.clusterDomain()));
      record.sandbox =
          runtime
              .runSandbox(spec)
              .onComplete(
                  ar -> {
                    if (ar.failed()) {
                      record.sandboxFailure =
                          StartFailure.of(ar.cause(), "CreatePodSandboxError", clock.instant());
                      events.warning(
                          pod,
                          "FailedCreatePodSandBox",
                          "Failed to create pod sandbox: " + ar.cause().getMessage());
                      requeue.after(record.key, SANDBOX_RETRY);
                    } else {
                      record.sandboxFailure = null;
                      trace.mark(record.uid, PodStartupTrace.Stage.SANDBOX_READY);
                    }
                  });
    }
    return record.sandbox.otherwiseEmpty();
  }

  private record Mounted(Sandbox sandbox, Map<String, PodVolumes.Source> volumes) {}

  /**
   * The pod's volumes once the sandbox exists; while one cannot be set up the containers wait
   * (ContainerCreating), a FailedMount event says why, and the pod is retried with a back-off (and
   * at once when a ConfigMap or Secret it names appears).
   */
  private Future<Mounted> mountVolumes(Pod pod, PodRecord record, Sandbox sandbox) {
    if (sandbox == null) {
      return Future.succeededFuture(new Mounted(null, Map.of()));
    }
    return volumes
        .ensure(pod)
        .map(
            v -> {
              record.mountRetry = null;
              return new Mounted(sandbox, v);
            })
        .recover(
            e -> {
              String message =
                  e instanceof VolumeFailure f
                      ? f.eventMessage()
                      : "MountVolume.SetUp failed: " + e.getMessage();
              events.warning(pod, "FailedMount", message);
              Duration next =
                  record.mountRetry == null
                      ? MOUNT_RETRY
                      : record.mountRetry.multipliedBy(2).compareTo(MOUNT_RETRY_MAX) > 0
                          ? MOUNT_RETRY_MAX
                          : record.mountRetry.multipliedBy(2);
              record.mountRetry = next;
              requeue.after(record.key, next);
              return Future.succeededFuture(new Mounted(null, Map.of()));
            });
  }

  /** Starts every container the restart policy and back-off allow now; completes when done. */
  private Future<Void> startDue(
      Pod pod, PodRecord record, Sandbox sandbox, Map<String, PodVolumes.Source> mounted) {
    if (sandbox == null) {
      return Future.succeededFuture();
    }
    InitProgress init = initProgress(pod, record);
    List<Container> due =
        init.done() ? pod.spec().containers : init.failed() ? List.of() : List.of(init.next());
    String policy =
        init.done() ? pod.spec().restartPolicy : InitProgress.policy(pod.spec().restartPolicy);
    List<Future<Void>> starts = new ArrayList<>();
    for (Container c : due) {
      ContainerRecord cr = record.container(c.name);
      ContainerInfo latest = latest(record.uid, c.name);
      String key = record.uid + "/" + c.name;
      RestartDecision decision =
          RestartDecision.decide(policy, latest, cr.failure, cr.starting, backoff, key);
      if (decision.action() == RestartDecision.Action.START) {
        if (decision.eventTime() != null) {
          backoff.next(key, decision.eventTime());
        }
        int attempt = latest == null ? cr.baseAttempt : latest.attempt() + 1;
        starts.add(starter.start(pod, record, cr, c, sandbox, attempt, mounted));
      }
    }
    return Future.join(starts)
        .onComplete(
            ar -> {
              if (!starts.isEmpty()) {
                trace.mark(record.uid, PodStartupTrace.Stage.CONTAINERS_STARTED);
              }
            })
        .mapEmpty();
  }

  private InitProgress initProgress(Pod pod, PodRecord record) {
    return InitProgress.of(
        pod.spec().initContainers, pod.spec().restartPolicy, name -> latest(record.uid, name));
  }

  /**
   * The state to report for one container, computed by {@link ContainerPlan}; then does what the
   * plan asks: probes follow the latest instance, a BackOff event is sent once per back-off, and a
   * due start or the end of a back-off requeues the pod. A {@code blocked} container that never ran
   * waits for the init containers before it.
   */
  private ContainerView view(
      Pod pod, PodRecord record, Container c, Sandbox sandbox, String policy, boolean blocked) {
    ContainerRecord cr = record.container(c.name);
    ContainerPlan.Input in =
        new ContainerPlan.Input(
            pod,
            record.uid,
            c,
            cr,
            instances(record.uid, c.name),
            sandbox != null,
            record.sandboxFailure,
            policy,
            blocked);
    if (in.probed()) {
      probes.watch(pod, record, cr, c, in.latest(), sandbox);
    }
    ContainerPlan plan = ContainerPlan.of(in, backoff, clock.instant());
    if (plan.requeueNow()) {
      requeue.now(record.key);
    }
    if (plan.backOff() != null) {
      cr.backoffReported = plan.backOff().at();
      events.warning(
          pod, EventRecorder.containerField(c.name), "BackOff", plan.backOff().message());
    }
    if (plan.requeueAfter() != null) {
      requeue.after(record.key, plan.requeueAfter());
    }
    return plan.view();
  }

  private ContainerInfo latest(String uid, String name) {
    List<ContainerInfo> instances = instances(uid, name);
    return instances.isEmpty() ? null : instances.get(instances.size() - 1);
  }

  private List<ContainerInfo> instances(String uid, String name) {
    List<ContainerInfo> list = new ArrayList<>();
    for (ContainerInfo info : runtime.containers(uid)) {
      if (info.name().equals(name)) {
        list.add(info);
      }
    }
    return list;
  }
}
