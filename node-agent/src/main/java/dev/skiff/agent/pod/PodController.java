package dev.skiff.agent.pod;

import dev.skiff.agent.image.ImageManager;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.pod.env.ConfigRefs;
import dev.skiff.agent.pod.env.EnvSources;
import dev.skiff.agent.pod.env.ServiceEnv;
import dev.skiff.agent.pod.serviceaccount.ServiceAccountVolume;
import dev.skiff.agent.pod.volume.PodVolumes;
import dev.skiff.agent.probe.Prober;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.controller.Controller;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.client.informer.ResourceEventHandler;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pod workers of a node: watches the pods bound to this node (and Services, for their
 * environment variables), turns every change (and every runtime event) into a pod key, and syncs
 * keys one at a time each. Removes what belongs to pods that no longer exist. Start and use it on
 * one context (the agent verticle's).
 */
public final class PodController {
  private static final Logger LOG = LoggerFactory.getLogger(PodController.class);

  /** How often emptyDir usage is checked against sizeLimit (the kubelet: every 10 s). */
  static final Duration EVICTION_CHECK_INTERVAL = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final PodSettings settings;
  private final ContainerRuntime runtime;
  private final LogStore logs;
  private final WorkerExecutor blocking;
  private final Informer<Pod> pods;
  private final Informer<Service> services;
  private final Informer<ConfigMap> configMaps;
  private final Informer<Secret> secrets;
  private final Informer<PersistentVolumeClaim> claims;
  private final Informer<PersistentVolume> volumes;
  private final PodVolumes podVolumes;
  private final EventRecorder events;
  private final ServiceAccountVolume serviceAccounts;
  private final Controller controller;
  private final PodSyncer syncer;
  private final PodTerminator terminator;
  private final Map<String, PodRecord> byKey = new HashMap<>();
  private final Map<String, PodRecord> byUid = new HashMap<>();
  private final Clock clock;
  private final PodStartupTrace trace = new PodStartupTrace();
  private Context context;
  private long orphanTimer = -1;
  private long evictionTimer = -1;

  public PodController(
      Vertx vertx,
      KubeClient client,
      InformerFactory informers,
      PodSettings settings,
      ContainerRuntime runtime,
      LogStore logs,
      WorkerExecutor blocking,
      Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.runtime = runtime;
    this.logs = logs;
    this.blocking = blocking;
    this.clock = clock;
    // The node's own pods through a watch of its own (as a kubelet's field selector); the kinds
    // every node reads in full come from the factory, shared in an embedded cluster.
    this.pods =
        new Informer<>(
            vertx,
            client,
            Pod.class,
            InformerOptions.defaults()
                .withFieldSelector("spec.nodeName=" + settings.nodeName())
                .withResyncPeriod(settings.resync()));
    this.services = informers.informer(Service.class, InformerOptions.defaults());
    this.configMaps = informers.informer(ConfigMap.class, InformerOptions.defaults());
    this.secrets = informers.informer(Secret.class, InformerOptions.defaults());
    this.claims = informers.informer(PersistentVolumeClaim.class, InformerOptions.defaults());
    this.volumes = informers.informer(PersistentVolume.class, InformerOptions.defaults());
    this.serviceAccounts =
        new ServiceAccountVolume(
            vertx, client, blocking, settings.podsDir(), configMaps::get, clock);
    this.podVolumes =
        new PodVolumes(
            blocking,
            settings.podsDir(),
            new PodVolumes.Lookups() {
              @Override
              public ConfigMap configMap(String namespace, String name) {
                return configMaps.get(namespace, name);
              }

              @Override
              public Secret secret(String namespace, String name) {
                return secrets.get(namespace, name);
              }

              @Override
              public PersistentVolumeClaim claim(String namespace, String name) {
                return claims.get(namespace, name);
              }

              @Override
              public PersistentVolume volume(String name) {
                return volumes.get(name);
              }

              @Override
              public Map<String, String> allocatable() {
                return settings.allocatable();
              }
            },
            serviceAccounts::token,
            clock);
    claims.addEventHandler(
        ResourceEventHandler.of(this::claimChanged, (o, c) -> claimChanged(c), c -> {}));
    configMaps.addEventHandler(
        ResourceEventHandler.of(
            cm -> configChanged(cm, false), (o, cm) -> configChanged(cm, false), cm -> {}));
    secrets.addEventHandler(
        ResourceEventHandler.of(
            s -> configChanged(s, true), (o, s) -> configChanged(s, true), s -> {}));
    this.controller = new Controller(vertx, "pods@" + settings.nodeName(), this::sync).watch(pods);
    pods.addEventHandler(
        ResourceEventHandler.of(
            p -> trace.mark(p.meta().uid, PodStartupTrace.Stage.SEEN), (o, p) -> {}, p -> {}));
    PodSyncer.Requeue requeue =
        new PodSyncer.Requeue() {
          @Override
          public void now(String key) {
            controller.enqueue(key);
          }

          @Override
          public void after(String key, Duration delay) {
            controller.queue().addAfter(key, delay);
          }
        };
    EventWrites eventWrites = new EventWrites();
    this.events = EventRecorder.forNode(client, "kubelet", settings.nodeName(), clock, eventWrites);
    PodStatusWriter writer = new PodStatusWriter(client, trace, eventWrites);
    Prober prober = new Prober(vertx, runtime);
    this.syncer =
        new PodSyncer(
            vertx,
            settings,
            runtime,
            new ImageManager(
                runtime.images(),
                events,
                new CrashBackoff(settings.backoffInitial(), settings.backoffMax(), clock),
                secrets::get),
            prober,
            events,
            writer,
            this::serviceEnv,
            this::envSources,
            serviceAccounts::ensure,
            podVolumes,
            requeue,
            trace,
            clock);
    this.terminator =
        new PodTerminator(
            client, runtime, events, writer, syncer.statuses(), settings.hostIp(), requeue, clock);
  }

  /** Starts watching and syncing; completes when the caches are filled and workers run. */
  public Future<Void> start() {
    context = vertx.getOrCreateContext();
    runtime.onPodChange(uid -> context.runOnContext(v -> enqueueUid(uid)));
    return Future.join(
            services.start(), configMaps.start(), secrets.start(), claims.start(), volumes.start())
        .compose(v -> controller.start(settings.workers()))
        .compose(v -> removeOrphans())
        .onSuccess(
            v ->
                orphanTimer =
                    vertx.setPeriodic(
                        settings.resync().toMillis(),
                        t -> {
                          removeOrphans();
                          refreshVolumes();
                        }))
        .onSuccess(
            v ->
                evictionTimer =
                    vertx.setPeriodic(
                        EVICTION_CHECK_INTERVAL.toMillis(), t -> evictOverLimitEmptyDirs()));
  }

  public Future<Void> stop() {
    vertx.cancelTimer(orphanTimer);
    vertx.cancelTimer(evictionTimer);
    byKey.values().forEach(PodRecord::stopProbes);
    return controller
        .stop()
        .compose(
            v ->
                Future.join(
                    List.of(
                        pods.stop(),
                        services.stop(),
                        configMaps.stop(),
                        secrets.stop(),
                        claims.stop(),
                        volumes.stop())))
        .transform(ar -> podVolumes.unmountMemoryVolumes())
        .mapEmpty();
  }

  /** When the stages of recent pod starts happened. */
  public PodStartupTrace startupTrace() {
    return trace;
  }

  /** The pods bound to this node, as last seen (never modify them). */
  public Informer<Pod> pods() {
    return pods;
  }

  private void enqueueUid(String uid) {
    PodRecord record = byUid.get(uid);
    if (record != null) {
      controller.enqueue(record.key);
    }
  }

  private Future<Void> sync(String key) {
    Pod pod = pods.get(key);
    PodRecord record = byKey.get(key);
    Future<Void> retired = Future.succeededFuture();
    if (record != null && (pod == null || !record.uid.equals(pod.meta().uid))) {
      retired = retire(record, key);
      record = null;
    }
    if (pod == null) {
      return retired;
    }
    if (record == null) {
      record = adopt(pod, key);
      trace.mark(record.uid, PodStartupTrace.Stage.SYNC_STARTED);
    }
    if (pod.meta().deletionTimestamp != null) {
      return terminator.terminate(pod, record);
    }
    if (record.evicted != null) {
      return terminator.reportEvicted(pod, record);
    }
    return syncer.sync(pod, record);
  }

  /** A pod seen for the first time by this agent: restart counts continue from its status. */
  private PodRecord adopt(Pod pod, String key) {
    PodRecord record = new PodRecord(pod.meta().uid, key);
    record.startTime = clock.instant();
    if (pod.status != null) {
      List<ContainerStatus> known = new ArrayList<>();
      if (pod.status.initContainerStatuses != null) {
        known.addAll(pod.status.initContainerStatuses);
      }
      if (pod.status.containerStatuses != null) {
        known.addAll(pod.status.containerStatuses);
      }
      for (ContainerStatus s : known) {
        int count = s.restartCount == null ? 0 : s.restartCount;
        boolean ran = s.state != null && (s.state.running != null || s.state.terminated != null);
        record.container(s.name).baseAttempt = ran ? count + 1 : count;
      }
    }
    if (pod.status != null
        && PodPhase.FAILED.equals(pod.status.phase)
        && "Evicted".equals(pod.status.reason)) {
      record.evicted = pod.status.message;
    }
    byKey.put(key, record);
    byUid.put(record.uid, record);
    return record;
  }

  private Future<Void> retire(PodRecord record, String key) {
    record.stopProbes();
    byKey.remove(key, record);
    byUid.remove(record.uid, record);
    syncer.backoff().forget(record.uid + "/");
    syncer.images().forget(record.uid);
    Future<Void> volume =
        Future.join(serviceAccounts.forget(record.uid), podVolumes.forget(record.uid)).mapEmpty();
    String namespace = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    return runtime
        .removePod(record.uid)
        .compose(
            v ->
                blocking.executeBlocking(
                    () -> {
                      logs.deletePod(namespace, name, record.uid);
                      return null;
                    },
                    false))
        .compose(v -> volume)
        .mapEmpty();
  }

  /**
   * The kubelet eviction manager's local storage check for emptyDirs: a running pod whose emptyDir
   * holds more than its sizeLimit is evicted.
   */
  private void evictOverLimitEmptyDirs() {
    for (PodRecord record : List.copyOf(byKey.values())) {
      Pod pod = pods.get(record.key);
      if (pod == null
          || !record.uid.equals(pod.meta().uid)
          || pod.meta().deletionTimestamp != null
          || record.evicted != null
          || record.termination != null
          || PodPhase.isTerminal(StatusBuilder.statusOf(pod).phase)) {
        continue;
      }
      podVolumes
          .exceededEmptyDir(pod)
          .onSuccess(
              exceeded ->
                  exceeded.ifPresent(
                      e -> {
                        LOG.info(
                            "evicting pod {}: emptyDir {} holds {} bytes, over its limit {}",
                            record.key,
                            e.volume(),
                            e.used(),
                            e.limit());
                        terminator.evict(pod, record, e.message());
                      }))
          .onFailure(e -> LOG.warn("pod {}: measuring its emptyDirs failed: {}", record.key, e));
    }
  }

  /** Removes runtime pods (and their logs) that no pod bound to this node accounts for. */
  private Future<Void> removeOrphans() {
    Set<String> known = new HashSet<>();
    pods.list().forEach(p -> known.add(p.meta().uid));
    List<Future<Void>> removals = new ArrayList<>();
    for (String uid : runtime.podUids()) {
      if (!known.contains(uid) && !byUid.containsKey(uid)) {
        LOG.info("removing containers of pod uid {}: no such pod on this node", uid);
        removals.add(runtime.removePod(uid));
      }
    }
    return Future.join(removals).mapEmpty();
  }

  private Map<String, String> serviceEnv(Pod pod) {
    List<Service> visible = new ArrayList<>();
    for (Service s : services.list("default")) {
      if (s.meta().name.equals("kubernetes")) {
        visible.add(s);
      }
    }
    if (!Boolean.FALSE.equals(pod.spec().enableServiceLinks)) {
      visible.addAll(services.list(pod.meta().namespace));
    }
    return ServiceEnv.of(visible);
  }

  private EnvSources envSources(Pod pod) {
    return EnvSources.of(
        configMaps::get,
        secrets::get,
        settings.allocatable(),
        message -> events.warning(pod, "InvalidEnvironmentVariableNames", message));
  }

  /** A claim changed (bound, say): the pods of this node that mount it are synced at once. */
  private void claimChanged(PersistentVolumeClaim claim) {
    context.runOnContext(
        v -> {
          for (Pod pod : pods.list(claim.meta().namespace)) {
            PodRecord record = byUid.get(pod.meta().uid);
            if (record != null && mounts(pod, claim.meta().name)) {
              record.mountRetry = null;
              controller.enqueue(record.key);
            }
          }
        });
  }

  private static boolean mounts(Pod pod, String claim) {
    return pod.spec().volumes != null
        && pod.spec.volumes.stream()
            .anyMatch(
                v ->
                    v.persistentVolumeClaim != null
                        && claim.equals(v.persistentVolumeClaim.claimName));
  }

  /**
   * Every sync period: the API volumes of running pods are rewritten where their sources changed
   * (labels and annotations for the downward API, tokens due for renewal).
   */
  private void refreshVolumes() {
    for (Pod pod : pods.list()) {
      if (byUid.containsKey(pod.meta().uid) && PodVolumes.hasApiVolumes(pod)) {
        podVolumes.refresh(pod);
      }
    }
  }

  /** The ConfigMaps, Secrets and claims, as the pods' volumes and the provisioner see them. */
  public Informer<PersistentVolumeClaim> claims() {
    return claims;
  }

  public Informer<PersistentVolume> volumes() {
    return volumes;
  }

  /**
   * A ConfigMap or Secret appeared or changed: the containers of pods that take variables from it
   * and wait in CreateContainerConfigError are retried at once (the kubelet retries them on its
   * next sync; without this they would wait for the crash back-off).
   */
  private void configChanged(KubeObject object, boolean secret) {
    context.runOnContext(
        v -> {
          for (Pod pod : pods.list(object.meta().namespace)) {
            PodRecord record = byUid.get(pod.meta().uid);
            if (record == null) {
              continue;
            }
            if (PodVolumes.references(pod, secret, object.meta().name)) {
              record.mountRetry = null;
              podVolumes.refresh(pod);
              controller.enqueue(record.key);
            }
            if (!ConfigRefs.references(pod, secret, object.meta().name)) {
              continue;
            }
            record.containers.values().forEach(ContainerRecord::clearConfigError);
            controller.enqueue(record.key);
          }
        });
  }
}
