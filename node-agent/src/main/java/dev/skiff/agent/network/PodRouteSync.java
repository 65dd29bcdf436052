package dev.skiff.agent.network;

import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.core.Node;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this machine's routes to the other nodes' pod CIDRs ({@link PodRoutes}) in step with the
 * Node objects: after every Node event and every {@link #RESYNC}, it reads the routes it owns from
 * {@code ip route show proto 250} and adds, changes or removes what differs. One reconcile runs at
 * a time; events during one make one more.
 */
public final class PodRouteSync extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PodRouteSync.class);
  static final Duration RESYNC = Duration.ofSeconds(15);

  private final InformerFactory informers;
  private final WorkerExecutor blocking;
  private final String nodeName;
  private final String podCidr;
  private Informer<Node> nodes;
  private long timer = -1;
  private boolean running;
  private boolean again;

  public PodRouteSync(
      InformerFactory informers, WorkerExecutor blocking, String nodeName, String podCidr) {
    this.informers = informers;
    this.blocking = blocking;
    this.nodeName = nodeName;
    this.podCidr = podCidr;
  }

  @Override
  public Future<?> start() {
    nodes = informers.informer(Node.class, InformerOptions.defaults());
    nodes.onAdd(n -> reconcile()).onUpdate((a, b) -> reconcile()).onDelete(n -> reconcile());
    timer = vertx.setPeriodic(RESYNC.toMillis(), t -> reconcile());
    return nodes.start().onSuccess(v -> reconcile());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return nodes == null ? Future.succeededFuture() : nodes.stop();
  }

  private void reconcile() {
    if (!nodes.hasSynced()) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    Map<String, String> desired = PodRoutes.desired(nodes.list(), nodeName, podCidr);
    blocking
        .executeBlocking(() -> apply(desired), true)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                LOG.warn("pod routes: {}", ar.cause().getMessage());
              }
              running = false;
              if (again) {
                again = false;
                reconcile();
              }
            });
  }

  private static Void apply(Map<String, String> desired) {
    Map<String, String> current =
        PodRoutes.current(Ip.check(List.of("-4", "route", "show", "proto", PodRoutes.PROTO)));
    for (List<String> command : PodRoutes.commands(desired, current)) {
      Ip.check(command);
      LOG.info("pod route: ip {}", String.join(" ", command));
    }
    return null;
  }
}
