package dev.skiff.agent.runtime;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the node agent needs from a container runtime, in the spirit of the CRI: pod sandboxes (the
 * pod's network identity), containers inside them, exec for probes, and a change feed. Every method
 * that touches processes, sockets or files completes asynchronously and never blocks the caller's
 * event loop. Failures a user must see on the pod fail the future with a {@link RuntimeFailure}
 * whose reason is the container's waiting reason.
 */
public interface ContainerRuntime {

  /** "process" or "docker". */
  String type();

  /** For Node.status.nodeInfo.containerRuntimeVersion, e.g. {@code docker://20.10.24}. */
  String version();

  /**
   * Prepares the runtime and deals with what an earlier agent left behind: adopts what it can still
   * manage (its containers are then listed by {@link #containers}) and removes the rest.
   */
  Future<Void> start();

  /**
   * Whether containers see {@link ContainerSpec#mounts()} at their container paths (Docker always;
   * the process runtime when it can make a mount namespace). Known once {@link #start()} is done.
   */
  default boolean mountsVolumes() {
    return true;
  }

  /** Creates the sandbox of a pod, or answers the existing one (idempotent per pod uid). */
  Future<Sandbox> runSandbox(SandboxSpec spec);

  /** Kills whatever still runs in the pod, removes its containers and sandbox, frees its IP. */
  Future<Void> removePod(String podUid);

  /**
   * The runtime's images (presence and pulls), or null for a runtime that runs no images: the node
   * agent's image manager applies pull policies, secrets and back-off on top of it.
   */
  default ImageService images() {
    return null;
  }

  /** Creates and starts one container in an existing sandbox. */
  Future<ContainerInfo> startContainer(ContainerSpec spec);

  /** SIGTERM, then SIGKILL after {@code grace}; completes once the container has exited. */
  Future<Void> stopContainer(String containerId, Duration grace);

  /** Runs a command in a running container's context (exec probes). */
  Future<ExecResult> exec(String containerId, List<String> command, Duration timeout);

  /**
   * The resource counters of a running container, or null when it is not running or the runtime
   * cannot measure it.
   */
  default Future<ContainerUsage> usage(String containerId) {
    return Future.succeededFuture();
  }

  /** What this runtime knows of its pods: the queries below answer from it. */
  PodInventory<?> inventory();

  /**
   * Starts {@code request.command()} in a running container with its stdio streamed to the caller
   * (kubectl exec). Fails with {@link UnsupportedOperationException} where the runtime cannot.
   */
  default Future<ExecSession> execStream(String containerId, ExecRequest request) {
    return Future.failedFuture(
        new UnsupportedOperationException(type() + " runtime does not stream exec"));
  }

  /** Joins a running container's main process's stdio (kubectl attach). */
  default Future<ExecSession> attach(String containerId, ExecRequest request) {
    return Future.failedFuture(
        new UnsupportedOperationException(type() + " runtime does not attach"));
  }

  /** The containers of one pod this runtime knows, oldest attempt first (a snapshot). */
  default List<ContainerInfo> containers(String podUid) {
    return inventory().containers(podUid);
  }

  /** The sandbox of a pod, or null. */
  default Sandbox sandbox(String podUid) {
    return inventory().sandboxes().get(podUid);
  }

  /** Uids of every pod this runtime holds a sandbox or container for. */
  default Set<String> podUids() {
    return inventory().podUids();
  }

  /** Called (on any thread) with the uid of a pod whose containers changed state by themselves. */
  default void onPodChange(Consumer<String> listener) {
    inventory().onPodChange(listener);
  }

  /** Stops the runtime. Runtimes whose containers cannot outlive the agent stop them. */
  Future<Void> close();
}
