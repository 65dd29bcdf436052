package dev.skiff.agent.runtime.process;

import dev.skiff.agent.FileTrees;
import dev.skiff.agent.logs.LogKey;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.logs.LogWriter;
import dev.skiff.agent.network.PodBridge;
import dev.skiff.agent.runtime.Cidr;
import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.ContainerSpec;
import dev.skiff.agent.runtime.ContainerUsage;
import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecResult;
import dev.skiff.agent.runtime.ExecSession;
import dev.skiff.agent.runtime.PodInventory;
import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.agent.runtime.Sandbox;
import dev.skiff.agent.runtime.SandboxSpec;
import dev.skiff.agent.stats.ProcFs;
import dev.skiff.api.files.PrivateFiles;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded runtime: a container is a child process of the agent running the container's command
 * and args; the image name is only recorded. Each pod gets its own address from the node's pod
 * range (loopback by default), passed as POD_IP: a server that binds it can share a port number
 * with other pods; one that binds 0.0.0.0 shares the port space of the whole machine. With a {@link
 * PodBridge} (root), each pod runs in its own network namespace on the node's bridge instead, with
 * an address other nodes reach. Processes cannot outlive the agent that pipes their output, so
 * {@link #close()} stops them and {@link #start()} kills whatever a crashed predecessor left (from
 * its pid files).
 */
public final class ProcessRuntime implements ContainerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);
  private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final WorkerExecutor blocking;
  private final LogStore logs;
  private final Path podsDir;
  private final PidFiles pidFiles;
  private final PodIpAllocator ips;
  private final PodBridge bridge;
  private final PodInventory<ProcessContainer> inventory =
      new PodInventory<>(ProcessContainer::info);
  private final Map<String, ProcessContainer> containers = inventory.containers();
  private final Map<String, Sandbox> sandboxes = inventory.sandboxes();
  private final ExecutorService pumpStarter;
  private final Path probeDir;
  private volatile MountNamespace namespaces = MountNamespace.unavailable("not probed yet");

  /**
   * @param stateDir where pid files and pods' default working directories live
   * @param podRange the node's pod CIDR
   */
  public ProcessRuntime(
      Vertx vertx, WorkerExecutor blocking, LogStore logs, Path stateDir, Cidr podRange) {
    this(vertx, blocking, logs, stateDir, podRange, null);
  }

  /**
   * @param bridge each pod's own network namespace on this bridge, or null for loopback addresses
   */
  public ProcessRuntime(
      Vertx vertx,
      WorkerExecutor blocking,
      LogStore logs,
      Path stateDir,
      Cidr podRange,
      PodBridge bridge) {
    this.vertx = vertx;
    this.blocking = blocking;
    this.logs = logs;
    this.podsDir = stateDir.resolve("pods");
    this.probeDir = stateDir.resolve("mount-probe");
    this.pidFiles = new PidFiles(stateDir.resolve("processes"));
    this.ips = new PodIpAllocator(podRange);
    this.bridge = bridge;
    if (bridge != null) {
      ips.allocate("", bridge.gateway());
    }
    this.pumpStarter =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "skiff-output-pumps");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public String type() {
    return "process";
  }

  @Override
  public String version() {
    return "process://" + Runtime.version().feature();
  }

  @Override
  public Future<Void> start() {
    return blocking.executeBlocking(
        () -> {
          int killed = pidFiles.killLeftovers();
          if (killed > 0) {
            LOG.info("killed {} container processes left by an earlier node agent", killed);
          }
          if (bridge != null) {
            bridge.setUp();
          }
          namespaces = MountNamespace.probe(probeDir);
          if (!namespaces.available()) {
            LOG.warn(
                "containers cannot have volumes on this node: {} (run the node agent as root with"
                    + " util-linux 2.38, or use --runtime docker)",
                namespaces.reason());
          }
          return null;
        },
        false);
  }

  @Override
  public boolean mountsVolumes() {
    return namespaces.available();
  }

  @Override
  public Future<Sandbox> runSandbox(SandboxSpec spec) {
    Sandbox existing = sandboxes.get(spec.podUid());
    if (existing != null) {
      return Future.succeededFuture(existing);
    }
    String ip;
    try {
      ip = ips.allocate(spec.podUid(), spec.preferredIp());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (bridge == null) {
      return Future.succeededFuture(
          sandboxes.computeIfAbsent(spec.podUid(), uid -> new Sandbox(uid, uid, ip)));
    }
    return blocking.executeBlocking(
        () -> {
          synchronized (sandboxes) {
            Sandbox made = sandboxes.get(spec.podUid());
            if (made == null) {
              try {
                bridge.attach(spec.podUid(), ip);
              } catch (RuntimeException e) {
                ips.release(spec.podUid());
                throw new RuntimeFailure(
                    RuntimeFailure.CREATE_POD_SANDBOX_ERROR,
                    "cannot set up the pod's network: " + e.getMessage(),
                    e);
              }
              made = new Sandbox(spec.podUid(), spec.podUid(), ip);
              sandboxes.put(spec.podUid(), made);
            }
            return made;
          }
        },
        false);
  }

  @Override
  public Future<Void> removePod(String podUid) {
    List<Future<Void>> stops = new ArrayList<>();
    for (ContainerInfo c : containers(podUid)) {
      stops.add(stopContainer(c.id(), Duration.ZERO));
    }
    return Future.join(stops)
        .transform(
            ar -> {
              containers.values().removeIf(c -> c.spec.podUid().equals(podUid));
              sandboxes.remove(podUid);
              ips.release(podUid);
              return blocking.executeBlocking(
                  () -> {
                    if (bridge != null) {
                      bridge.detach(podUid);
                    }
                    FileTrees.delete(podsDir.resolve(podUid));
                    return null;
                  },
                  false);
            });
  }

  @Override
  public Future<ContainerInfo> startContainer(ContainerSpec spec) {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    return blocking.executeBlocking(
        () -> {
          Path workDir;
          if (spec.workingDir() == null) {
            workDir = PrivateFiles.createDirectories(podsDir.resolve(spec.podUid()));
          } else {
            workDir = Path.of(spec.workingDir());
          }
          UnaryOperator<List<String>> namespace = null;
          Path mountRoot = null;
          if (spec.mounts() != null && !spec.mounts().isEmpty()) {
            MountNamespace ns = namespaces;
            if (!ns.available()) {
              throw new RuntimeFailure(
                  RuntimeFailure.CREATE_CONTAINER_ERROR,
                  "the process runtime cannot mount volumes on this node: "
                      + ns.reason()
                      + "; run the node agent as root, or use --runtime docker");
            }
            Path root =
                PrivateFiles.createDirectories(
                    podsDir.resolve(spec.podUid()).resolve("roots").resolve(spec.name()));
            Path inside = workDir;
            namespace = command -> ns.wrap(command, spec.mounts(), root, inside);
            mountRoot = root;
            Files.deleteIfExists(MountNamespace.ready(root));
          }
          if (bridge != null) {
            UnaryOperator<List<String>> mounts = namespace;
            namespace =
                command ->
                    bridge.enter(spec.podUid(), mounts == null ? command : mounts.apply(command));
          }
          Process process =
              ProcessLauncher.start(
                  spec.argv(), environment(spec), workDir, spec.stdin(), spec.tty(), namespace);
          if (mountRoot != null) {
            MountNamespace.awaitMounts(process, mountRoot, MOUNT_TIMEOUT);
          }
          pidFiles.record(id, process.toHandle());
          LogWriter writer =
              logs.open(
                  new LogKey(
                      spec.namespace(),
                      spec.podName(),
                      spec.podUid(),
                      spec.name(),
                      spec.attempt()));
          ContainerInfo info =
              new ContainerInfo(
                  id,
                  spec.podUid(),
                  spec.name(),
                  spec.attempt(),
                  spec.image(),
                  "process://" + spec.image(),
                  ContainerInfo.State.RUNNING,
                  Instant.now(),
                  null,
                  null,
                  null,
                  null);
          ProcessContainer container =
              new ProcessContainer(spec, workDir, process, info, mountRoot != null);
          startPump("skiff-" + spec.podName() + "-" + spec.name(), container, writer);
          containers.put(id, container);
          pruneOlderThanPrevious(spec.podUid(), spec.name());
          process.onExit().thenRun(() -> exited(container));
          return info;
        },
        false);
  }

  @Override
  public Future<Void> stopContainer(String containerId, Duration grace) {
    ProcessContainer c = containers.get(containerId);
    if (c == null || c.process == null || !c.process.isAlive()) {
      return Future.succeededFuture();
    }
    Promise<Void> stopped = Promise.promise();
    c.process.onExit().thenRun(() -> stopped.tryComplete());
    // As a container runtime does: SIGTERM to the main process only (it may pass it on, or drain
    // first, as a Kubernetes container's PID 1 does); when it exits, exited() kills the rest of
    // its group. At the end of the grace period, SIGKILL to the whole tree.
    blocking
        .executeBlocking(
            () -> {
              if (grace.isZero()) {
                ProcessGroups.signalTree(c.process.toHandle(), true);
              } else {
                c.process.toHandle().destroy();
              }
              return null;
            },
            false)
        .onSuccess(
            v -> {
              if (!grace.isZero()) {
                vertx.setTimer(
                    Math.max(1, grace.toMillis()),
                    t -> {
                      if (c.process.isAlive()) {
                        blocking.executeBlocking(
                            () -> {
                              ProcessGroups.signalTree(c.process.toHandle(), true);
                              return null;
                            },
                            false);
                      }
                    });
              }
            });
    return stopped.future();
  }

  @Override
  public Future<ExecResult> exec(String containerId, List<String> command, Duration timeout) {
    ProcessContainer c = containers.get(containerId);
    if (c == null || !c.info().running()) {
      return Future.failedFuture(new IllegalStateException("container is not running"));
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", ProcessLauncher.DEFAULT_PATH);
    env.putAll(c.spec.env());
    return blocking.executeBlocking(
        () -> ProcessExec.run(command, env, c.workDir, timeout, inside(c)), false);
  }

  @Override
  public Future<ContainerUsage> usage(String containerId) {
    ProcessContainer c = containers.get(containerId);
    if (c == null || c.process == null || !c.process.isAlive()) {
      return Future.succeededFuture();
    }
    return blocking.executeBlocking(() -> ProcFs.processTree(c.process.toHandle()), false);
  }

  @Override
  public PodInventory<ProcessContainer> inventory() {
    return inventory;
  }

  @Override
  public Future<ExecSession> execStream(String containerId, ExecRequest request) {
    ProcessContainer c = containers.get(containerId);
    if (c == null || !c.info().running()) {
      return Future.failedFuture(new IllegalStateException("container is not running"));
    }
    return blocking.executeBlocking(
        () -> ProcessExecSession.start(request, environment(c.spec), c.workDir, inside(c)), false);
  }

  @Override
  public Future<ExecSession> attach(String containerId, ExecRequest request) {
    ProcessContainer c = containers.get(containerId);
    if (c == null || !c.info().running()) {
      return Future.failedFuture(new IllegalStateException("container is not running"));
    }
    return Future.succeededFuture(new ProcessAttachSession(c, request));
  }

  /** How a command enters the container's mount namespace, or null when it has none. */
  private UnaryOperator<List<String>> inside(ProcessContainer c) {
    UnaryOperator<List<String>> mounts = null;
    if (c.namespaced) {
      long pid = c.process.pid();
      MountNamespace ns = namespaces;
      mounts = command -> ns.enter(pid, c.workDir, command);
    }
    if (bridge == null) {
      return mounts;
    }
    UnaryOperator<List<String>> inMounts = mounts;
    String podUid = c.spec.podUid();
    return command ->
        inMounts == null
            ? bridge.enter(podUid, c.workDir, command)
            : bridge.enter(podUid, inMounts.apply(command));
  }

  /** A container's environment: PATH, HOME, HOSTNAME, POD_IP, then the spec's env. */
  private Map<String, String> environment(ContainerSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", ProcessLauncher.DEFAULT_PATH);
    env.put("HOME", "/");
    env.put("HOSTNAME", spec.podName());
    Sandbox sandbox = sandboxes.get(spec.podUid());
    if (sandbox != null) {
      env.put("POD_IP", sandbox.ip());
    }
    env.putAll(spec.env());
    return env;
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> removed = new ArrayList<>();
    for (String uid : podUids()) {
      removed.add(removePod(uid));
    }
    return Future.join(removed)
        .onComplete(ar -> pumpStarter.shutdown())
        .transform(
            ar ->
                bridge == null
                    ? Future.<Void>succeededFuture()
                    : blocking.executeBlocking(
                        () -> {
                          bridge.close();
                          return null;
                        },
                        false));
  }

  /**
   * Starts the output pump's threads off the start path: under load a thread start waits for the
   * scheduler (tens of ms), and the pipes hold the output meanwhile.
   */
  private void startPump(String name, ProcessContainer c, LogWriter writer) {
    try {
      pumpStarter.execute(() -> OutputPump.start(name, c.process, writer, c.attachments));
    } catch (RejectedExecutionException closed) {
      OutputPump.start(name, c.process, writer, c.attachments);
    }
  }

  private void exited(ProcessContainer c) {
    int code = c.process.exitValue();
    c.update(c.info().exited(Instant.now(), code, ContainerInfo.exitReason(code), null));
    blocking.executeBlocking(
        () -> {
          ProcessGroups.killGroup(c.process.pid());
          pidFiles.remove(c.info().id());
          return null;
        },
        false);
    inventory.changed(c.spec.podUid());
  }

  /** Keeps the current and the previous instance of a container (for --previous and lastState). */
  private void pruneOlderThanPrevious(String podUid, String name) {
    List<ContainerInfo> same = new ArrayList<>();
    for (ContainerInfo info : containers(podUid)) {
      if (info.name().equals(name)) {
        same.add(info);
      }
    }
    for (int i = 0; i < same.size() - 2; i++) {
      if (same.get(i).exited()) {
        containers.remove(same.get(i).id());
      }
    }
  }
}
