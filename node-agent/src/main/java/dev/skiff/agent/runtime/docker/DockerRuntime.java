package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.DockerOptions;
import dev.skiff.agent.logs.LogKey;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.network.LocalRoute;
import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.ContainerUsage;
import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecResult;
import dev.skiff.agent.runtime.ExecSession;
import dev.skiff.agent.runtime.ImageService;
import dev.skiff.agent.runtime.PodInventory;
import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.agent.runtime.SandboxSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pods as Docker containers; images are pulled by the engine ({@link DockerImages}). Each pod's
 * first container is a pause container on the node's bridge network (its IP is the pod IP, its
 * resolv.conf the pod's DNS); the pod's containers join its network namespace. The node's
 * containers carry labels, so an agent that restarts adopts them (their state, logs from where it
 * left off) and removes those of pods that are gone. Container state follows the engine's event
 * stream, with a periodic relist as a safety net.
 */
public final class DockerRuntime implements ContainerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(DockerRuntime.class);

  private final Vertx vertx;
  private final WorkerExecutor blocking;
  private final DockerClient docker;
  private final DockerOptions options;
  private final String node;
  private final JsonObject owner;
  private final LogStore logs;
  private final LocalRoute serviceRoute;
  private final ExecutorService files;
  private final PodInventory<ContainerInfo> inventory = new PodInventory<>(c -> c);
  private final Map<String, ContainerInfo> containers = inventory.containers();
  private final Map<String, Sandbox> sandboxes = inventory.sandboxes();
  private final Map<String, String[]> podNames = new ConcurrentHashMap<>();
  private final DockerEvents events;
  private final DockerImages images;
  private String version = "docker://unknown";
  private long relistTimer = -1;

  /**
   * @param serviceCidr made local on the host while the runtime runs; null for none
   */
  public DockerRuntime(
      Vertx vertx,
      WorkerExecutor blocking,
      LogStore logs,
      String node,
      DockerOptions options,
      String serviceCidr) {
    this.vertx = vertx;
    this.blocking = blocking;
    this.logs = logs;
    this.node = node;
    this.options = options;
    this.owner = Labels.owner(node, options.cluster());
    this.docker = new DockerClient(vertx, options.socket());
    this.serviceRoute = serviceCidr == null ? null : new LocalRoute(serviceCidr);
    this.files =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "skiff-docker-logs-" + node);
              t.setDaemon(true);
              return t;
            });
    this.events = new DockerEvents(vertx, docker, node, Labels.filter(owner), this::refresh);
    this.images = new DockerImages(docker);
  }

  @Override
  public String type() {
    return "docker";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Future<Void> start() {
    return docker
        .checkTransport()
        .compose(v -> docker.get("/version"))
        .compose(
            v -> {
              version = "docker://" + v.getString("Version");
              return DockerNetwork.ensure(docker, options.network(), options.podCidr(), owner);
            })
        .compose(v -> images.require(options.pauseImage()))
        .compose(v -> addServiceRoute())
        .compose(v -> adopt())
        .onSuccess(
            v -> {
              events.start();
              relistTimer = vertx.setPeriodic(10_000, t -> relist());
            });
  }

  @Override
  public Future<Sandbox> runSandbox(SandboxSpec spec) {
    Sandbox existing = sandboxes.get(spec.podUid());
    if (existing != null) {
      return Future.succeededFuture(existing);
    }
    podNames.put(spec.podUid(), new String[] {spec.namespace(), spec.name()});
    JsonObject body = DockerSpecs.sandbox(node, spec, options.network(), options.pauseImage());
    body.getJsonObject("Labels").mergeIn(owner);
    return DockerContainers.createAndStart(
            docker,
            StartQueue.Priority.SANDBOX,
            DockerSpecs.sandboxName(spec),
            body,
            RuntimeFailure.CREATE_POD_SANDBOX_ERROR,
            RuntimeFailure.CREATE_POD_SANDBOX_ERROR)
        .compose(
            inspect ->
                PodResolvConf.write(blocking, inspect.getString("ResolvConfPath"), spec)
                    .map(inspect))
        .map(
            inspect -> {
              Sandbox sandbox =
                  new Sandbox(
                      spec.podUid(),
                      inspect.getString("Id"),
                      DockerState.ip(inspect, options.network()));
              sandboxes.put(spec.podUid(), sandbox);
              return sandbox;
            });
  }

  @Override
  public Future<Void> removePod(String podUid) {
    List<String> ids = new ArrayList<>();
    containers.values().stream()
        .filter(c -> podUid.equals(c.podUid()))
        .forEach(c -> ids.add(c.id()));
    Sandbox sandbox = sandboxes.get(podUid);
    if (sandbox != null) {
      ids.add(sandbox.id());
    }
    List<Future<Void>> removals = new ArrayList<>();
    for (String id : ids) {
      removals.add(
          docker
              .delete("/containers/" + id + "?force=1&v=1")
              .recover(
                  e ->
                      DockerException.isNotFound(e)
                          ? Future.succeededFuture()
                          : Future.failedFuture(e)));
    }
    return Future.all(removals)
        .onSuccess(
            v -> {
              ids.forEach(containers::remove);
              sandboxes.remove(podUid);
              podNames.remove(podUid);
            })
        .mapEmpty();
  }

  @Override
  public ImageService images() {
    return images;
  }

  @Override
  public Future<ContainerInfo> startContainer(ContainerSpec spec) {
    Sandbox sandbox = sandboxes.get(spec.podUid());
    if (sandbox == null) {
      return Future.failedFuture(
          new RuntimeFailure(RuntimeFailure.CREATE_CONTAINER_ERROR, "pod sandbox is gone"));
    }
    JsonObject body = DockerSpecs.container(node, spec, sandbox.id());
    body.getJsonObject("Labels").mergeIn(owner);
    String imageRef = images.refOf(spec.image());
    if (imageRef != null) {
      body.getJsonObject("Labels").put(Labels.IMAGE_REF, imageRef);
    }
    return DockerContainers.createAndStart(
            docker,
            StartQueue.Priority.CONTAINER,
            DockerSpecs.containerName(spec),
            body,
            RuntimeFailure.CREATE_CONTAINER_ERROR,
            RuntimeFailure.RUN_CONTAINER_ERROR)
        .map(this::record)
        .onSuccess(
            info ->
                pump(
                    info.id(),
                    spec.namespace(),
                    spec.podName(),
                    spec.podUid(),
                    spec.name(),
                    spec.attempt(),
                    null));
  }

  @Override
  public Future<Void> stopContainer(String containerId, Duration grace) {
    long seconds = Math.max(0, grace.toSeconds());
    return docker
        .post("/containers/" + containerId + "/stop?t=" + seconds, null, (seconds + 30) * 1000)
        .<Void>mapEmpty()
        .recover(
            e ->
                e instanceof DockerException d && (d.status() == 304 || d.isNotFound())
                    ? Future.succeededFuture()
                    : Future.failedFuture(e))
        .compose(v -> inspect(containerId).<Void>mapEmpty().recover(e -> Future.succeededFuture()));
  }

  @Override
  public Future<ExecResult> exec(String containerId, List<String> command, Duration timeout) {
    return DockerExec.run(vertx, docker, containerId, command, timeout);
  }

  @Override
  public Future<ExecSession> execStream(String containerId, ExecRequest request) {
    return DockerStreamSession.exec(vertx, docker, containerId, request);
  }

  @Override
  public Future<ExecSession> attach(String containerId, ExecRequest request) {
    return DockerStreamSession.attach(vertx, docker, containerId, request);
  }

  /**
   * The Engine's one-shot stats: cumulative CPU time, and memory usage without the inactive file
   * cache (the working set, as the kubelet computes it; cgroup v2 {@code inactive_file}, v1 {@code
   * total_inactive_file}).
   */
  @Override
  public Future<ContainerUsage> usage(String containerId) {
    return docker
        .get("/containers/" + containerId + "/stats?stream=false&one-shot=true")
        .map(
            stats -> {
              long cpu =
                  stats
                      .getJsonObject("cpu_stats", new JsonObject())
                      .getJsonObject("cpu_usage", new JsonObject())
                      .getLong("total_usage", 0L);
              JsonObject memory = stats.getJsonObject("memory_stats", new JsonObject());
              JsonObject detail = memory.getJsonObject("stats", new JsonObject());
              long inactive =
                  detail.getLong("inactive_file", detail.getLong("total_inactive_file", 0L));
              long used = Math.max(0, memory.getLong("usage", 0L) - inactive);
              return new ContainerUsage(cpu, used);
            });
  }

  @Override
  public PodInventory<ContainerInfo> inventory() {
    return inventory;
  }

  /** Leaves the containers running for the next agent to adopt; removes the service route. */
  @Override
  public Future<Void> close() {
    vertx.cancelTimer(relistTimer);
    events.stop();
    return blocking
        .executeBlocking(
            () -> {
              if (serviceRoute != null) {
                serviceRoute.remove();
              }
              return null;
            },
            false)
        .transform(ar -> docker.close())
        .onComplete(ar -> files.shutdown());
  }

  /** Re-reads one container after an engine event and tells the listeners. */
  private void refresh(String containerId) {
    inspect(containerId)
        .onSuccess(info -> inventory.changed(info.podUid()))
        .onFailure(
            e -> {
              ContainerInfo gone = containers.remove(containerId);
              if (gone != null) {
                inventory.changed(gone.podUid());
              }
            });
  }

  private Future<ContainerInfo> inspect(String id) {
    return docker.get("/containers/" + id + "/json").map(this::record);
  }

  /** Caches the state of an inspected container of ours. */
  private ContainerInfo record(JsonObject inspect) {
    ContainerInfo info = DockerState.info(inspect);
    if (info.podUid() != null && info.name() != null) {
      containers.put(info.id(), info);
    }
    return info;
  }

  private Future<Void> addServiceRoute() {
    if (serviceRoute == null) {
      return Future.succeededFuture();
    }
    return blocking.executeBlocking(() -> serviceRoute.add(), false).mapEmpty();
  }

  /** Takes over the containers an earlier agent of this node left (running or not). */
  private Future<Void> adopt() {
    return listOurs()
        .compose(
            list -> {
              List<Future<Void>> adopted = new ArrayList<>();
              for (Object o : list) {
                String id = ((JsonObject) o).getString("Id");
                adopted.add(docker.get("/containers/" + id + "/json").compose(this::adoptOne));
              }
              return Future.join(adopted).mapEmpty();
            });
  }

  private Future<Void> adoptOne(JsonObject inspect) {
    String uid = DockerState.podUid(inspect);
    JsonObject labels = inspect.getJsonObject("Config").getJsonObject("Labels");
    podNames.put(
        uid,
        new String[] {labels.getString(Labels.POD_NAMESPACE), labels.getString(Labels.POD_NAME)});
    if (DockerState.isSandbox(inspect)) {
      if (!inspect.getJsonObject("State").getBoolean("Running", false)) {
        return docker.delete("/containers/" + inspect.getString("Id") + "?force=1");
      }
      sandboxes.put(
          uid,
          new Sandbox(uid, inspect.getString("Id"), DockerState.ip(inspect, options.network())));
      return Future.succeededFuture();
    }
    ContainerInfo info = DockerState.info(inspect);
    containers.put(info.id(), info);
    String[] names = podNames.get(uid);
    LogKey key = new LogKey(names[0], names[1], uid, info.name(), info.attempt());
    if (info.running()) {
      return blocking
          .executeBlocking(() -> LastLogTime.of(logs.file(key)), false)
          .onSuccess(
              since -> pump(info.id(), names[0], names[1], uid, info.name(), info.attempt(), since))
          .mapEmpty();
    }
    return Future.succeededFuture();
  }

  private Future<JsonArray> listOurs() {
    String filters = new JsonObject().put("label", Labels.filter(owner)).encode();
    return docker.getList("/containers/json?all=1&filters=" + encode(filters));
  }

  /** Safety net for lost events: re-inspects the containers believed to be running. */
  private void relist() {
    for (ContainerInfo c : List.copyOf(containers.values())) {
      if (c.running()) {
        refreshIfChanged(c);
      }
    }
  }

  private void refreshIfChanged(ContainerInfo before) {
    inspect(before.id())
        .onSuccess(
            after -> {
              if (after.state() != before.state()) {
                inventory.changed(after.podUid());
              }
            });
  }

  private void pump(
      String id,
      String namespace,
      String pod,
      String uid,
      String name,
      int attempt,
      Instant since) {
    LogKey key = new LogKey(namespace, pod, uid, name, attempt);
    blocking
        .executeBlocking(() -> logs.open(key), false)
        .onSuccess(writer -> DockerLogPump.start(docker, id, since, writer, files))
        .onFailure(e -> LOG.warn("logs of container {}: {}", id, e.toString()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
