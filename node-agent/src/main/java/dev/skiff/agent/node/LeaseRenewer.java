package dev.skiff.agent.node;

import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.api.model.meta.Times;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node heartbeat: a Lease named after the node in kube-node-lease, owned by the Node, whose
 * renewTime is refreshed every {@code interval}. A conflicting write re-reads the lease and tries
 * again at the next tick.
 */
public final class LeaseRenewer {
  public static final String NAMESPACE = "kube-node-lease";
  private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

  private final Vertx vertx;
  private final KubeClient client;
  private final Node node;
  private final Duration duration;
  private final Duration interval;
  private final Clock clock;
  private Lease lease;
  private boolean renewing;
  private long timer = -1;

  public LeaseRenewer(
      Vertx vertx,
      KubeClient client,
      Node node,
      Duration duration,
      Duration interval,
      Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.node = node;
    this.duration = duration;
    this.interval = interval;
    this.clock = clock;
  }

  /** Renews once (the future fails if that fails), then keeps renewing. */
  public Future<Void> start() {
    return renew().onSuccess(v -> timer = vertx.setPeriodic(interval.toMillis(), t -> tick()));
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  private void tick() {
    if (renewing) {
      return;
    }
    renew()
        .onFailure(
            e -> LOG.warn("node {}: lease renewal failed: {}", node.meta().name, e.toString()));
  }

  Future<Void> renew() {
    renewing = true;
    Future<Lease> current = lease != null ? Future.succeededFuture(lease) : fetchOrCreate();
    return current
        .compose(
            l -> {
              l.spec().renewTime = Times.microTime(clock.instant());
              l.spec().holderIdentity = node.meta().name;
              l.spec().leaseDurationSeconds = (int) duration.toSeconds();
              return client.update(l);
            })
        .onSuccess(updated -> lease = updated)
        .onFailure(e -> lease = null)
        .onComplete(ar -> renewing = false)
        .mapEmpty();
  }

  private Future<Lease> fetchOrCreate() {
    String name = node.meta().name;
    return client
        .get(Lease.class, NAMESPACE, name)
        .recover(e -> Errors.isNotFound(e) ? client.create(newLease()) : Future.failedFuture(e));
  }

  private Lease newLease() {
    Lease l = new Lease();
    l.meta().namespace = NAMESPACE;
    l.meta().name = node.meta().name;
    OwnerReference owner = new OwnerReference();
    owner.apiVersion = "v1";
    owner.kind = "Node";
    owner.name = node.meta().name;
    owner.uid = node.meta().uid;
    l.meta().ownerReferences = List.of(owner);
    l.spec().holderIdentity = node.meta().name;
    l.spec().leaseDurationSeconds = (int) duration.toSeconds();
    l.spec().renewTime = Times.microTime(clock.instant());
    return l;
  }
}
