package dev.skiff.agent.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeStatus;
import dev.skiff.api.model.core.NodeSystemInfo;
import dev.skiff.api.resource.Resources;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers this node (creates its Node, or takes over an existing one of the same name), reports
 * its status periodically (addresses, capacity, nodeInfo, conditions with heartbeat times), and
 * reports NotReady on shutdown.
 */
public final class NodeRegistrar {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRegistrar.class);

  private final Vertx vertx;
  private final KubeClient client;
  private final NodeIdentity identity;
  private final WorkerExecutor blocking;
  private final Clock clock;
  private final Duration statusInterval;
  private NodeSystemInfo info;
  private NodeStatus reported;
  private boolean memoryPressure;
  private long timer = -1;

  public NodeRegistrar(
      Vertx vertx,
      KubeClient client,
      NodeIdentity identity,
      WorkerExecutor blocking,
      Clock clock,
      Duration statusInterval) {
    this.vertx = vertx;
    this.client = client;
    this.identity = identity;
    this.blocking = blocking;
    this.clock = clock;
    this.statusInterval = statusInterval;
  }

  /** Creates or takes over the Node and reports it Ready; answers the stored Node. */
  public Future<Node> register() {
    return blocking
        .executeBlocking(() -> SystemInfo.read(identity.runtimeVersion()), false)
        .compose(
            nodeInfo -> {
              info = nodeInfo;
              Node node = NodeObjects.node(identity, info, true, clock.instant());
              return client
                  .create(node)
                  .recover(
                      e -> Errors.isAlreadyExists(e) ? takeOver(node) : Future.failedFuture(e));
            })
        .compose(created -> report(true).map(created))
        .onSuccess(
            node ->
                timer =
                    vertx.setPeriodic(
                        statusInterval.toMillis(),
                        t ->
                            report(true)
                                .onFailure(
                                    e ->
                                        LOG.warn(
                                            "node {}: status update failed: {}",
                                            identity.name(),
                                            e.toString()))));
  }

  /** Stops the periodic report and marks the node NotReady. */
  public Future<Void> markNotReady() {
    vertx.cancelTimer(timer);
    return info == null ? Future.succeededFuture() : report(false);
  }

  /** Writes the status (merge patch of nodes/status). */
  public Future<Void> report(boolean ready) {
    JvmMemory memory = JvmMemory.read();
    if (memory.pressure() != memoryPressure) {
      memoryPressure = memory.pressure();
      if (memoryPressure) {
        LOG.warn(
            "node {}: MemoryPressure: {} of heap in use after garbage collection",
            identity.name(),
            memory.describe());
      } else {
        LOG.info("node {}: memory pressure over ({})", identity.name(), memory.describe());
      }
    }
    NodeStatus status =
        NodeObjects.status(identity, info, ready, memoryPressure, reported, clock.instant());
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.set("status", Json.tree(status));
    return client
        .raw()
        .patchSubresource(Resources.NODES, null, identity.name(), "status", PatchType.MERGE, patch)
        .onSuccess(v -> reported = status)
        .mapEmpty();
  }

  private Future<Node> takeOver(Node wanted) {
    Map<String, Object> patch = Map.of("metadata", Map.of("labels", wanted.meta().labels));
    return client
        .patch(Node.class, null, identity.name(), PatchType.MERGE, patch)
        .onSuccess(existing -> reported = existing.status);
  }
}
