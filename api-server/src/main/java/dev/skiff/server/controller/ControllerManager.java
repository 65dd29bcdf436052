package dev.skiff.server.controller;

import dev.skiff.api.client.KubeClient;
import dev.skiff.server.alloc.ServiceAllocators;
import dev.skiff.server.controller.leader.LeaderElector;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

/**
 * The controllers that run next to an api-server replica, as one verticle: it takes part in leader
 * election (a Lease in kube-system) and runs every controller while, and only while, it leads. Any
 * number of replicas may deploy one; exactly one is active, and another takes over within the lease
 * duration when it dies. All controller state lives on this verticle's context.
 */
public final class ControllerManager extends VerticleBase {
  /** The metric of {@link #metrics()}: keys dropped after too many failed syncs, per controller. */
  public static final String DROPPED_KEYS = "skiff_controller_dropped_keys_total";

  private final KubeClient client;
  private final ServiceAllocators allocators;
  private final ControllerOptions options;
  private final String rootCa;
  private LeaderElector elector;
  private ControllerSet running;
  private Future<Void> transition = Future.succeededFuture();
  private Promise<Void> leading = Promise.promise();

  /**
   * @param client talks to the api-server (any replica of the cluster)
   * @param allocators the Service allocators (repair loop and LoadBalancer IPs), or null to run
   *     without them
   */
  public ControllerManager(
      KubeClient client, ServiceAllocators allocators, ControllerOptions options) {
    this(client, allocators, options, null);
  }

  /**
   * @param rootCa the PEM published as {@code kube-root-ca.crt} in every namespace, or null for
   *     none
   */
  public ControllerManager(
      KubeClient client, ServiceAllocators allocators, ControllerOptions options, String rootCa) {
    this.rootCa = rootCa;
    this.client = client;
    this.allocators = allocators;
    this.options = options;
  }

  @Override
  public Future<?> start() {
    elector =
        new LeaderElector(
            vertx,
            client,
            options.leader(),
            options.clock(),
            new LeaderElector.Callbacks() {
              @Override
              public void onStartedLeading() {
                transition = transition.transform(ar -> startControllers());
              }

              @Override
              public void onStoppedLeading() {
                transition = transition.transform(ar -> stopControllers());
              }
            });
    elector.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return elector.stop().transform(ar -> transition).transform(ar -> stopControllers());
  }

  /** True while this replica leads (its controllers run). */
  public boolean isLeader() {
    return elector != null && elector.isLeader();
  }

  /** Completes once this replica's controllers have started (for tests and start-up waits). */
  public Future<Void> leading() {
    return leading.future();
  }

  /**
   * This replica's controller metrics in the Prometheus text format (version 0.0.4), like the node
   * agent's {@code /metrics}: while it leads, one {@link #DROPPED_KEYS} sample per controller.
   * Counts start at zero with each leadership term. Call on this verticle's context.
   */
  public String metrics() {
    StringBuilder out =
        new StringBuilder("# HELP ")
            .append(DROPPED_KEYS)
            .append(" Keys a controller dropped after too many failed syncs.\n# TYPE ")
            .append(DROPPED_KEYS)
            .append(" counter\n");
    ControllerSet set = running;
    if (set != null) {
      set.writeDroppedKeys(out);
    }
    return out.toString();
  }

  /** {@link #metrics()} from any thread, computed on this verticle's context. */
  public Future<String> scrape() {
    Promise<String> text = Promise.promise();
    context.runOnContext(v -> text.complete(metrics()));
    return text.future();
  }

  public String identity() {
    return options.leader().identity();
  }

  private Future<Void> startControllers() {
    if (running != null || !elector.isLeader()) {
      return Future.succeededFuture();
    }
    running = new ControllerSet(vertx, client, allocators, options, rootCa);
    return running.start().onComplete(ar -> leading.tryComplete());
  }

  private Future<Void> stopControllers() {
    ControllerSet set = running;
    running = null;
    if (leading.future().isComplete()) {
      leading = Promise.promise();
    }
    return set == null ? Future.succeededFuture() : set.stop();
  }
}
