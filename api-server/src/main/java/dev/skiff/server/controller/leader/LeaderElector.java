package dev.skiff.server.controller.leader;

import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.coordination.LeaseSpec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease-based leader election through the API (client-go's LeaderElector): every retry period it
 * tries to acquire or renew the Lease; {@code onStart} runs when this candidate becomes leader,
 * {@code onStop} when it loses the lease or cannot renew it within the renew deadline. All state
 * lives on one Vert.x context. Time comes from an injected clock, so tests can drive {@link
 * #tryAcquireOrRenew()} with a fake one.
 */
public final class LeaderElector {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElector.class);

  /** What the manager does on leadership changes. */
  public interface Callbacks {
    void onStartedLeading();

    void onStoppedLeading();
  }

  private final Vertx vertx;
  private final KubeClient client;
  private final LeaderOptions options;
  private final Clock clock;
  private final Callbacks callbacks;
  private Context context;
  private long timer = -1;
  private boolean leader;
  private boolean trying;
  private boolean stopped;
  private LeaseSpec observed;
  private Instant observedAt = Instant.EPOCH;
  private Instant lastRenew = Instant.EPOCH;

  public LeaderElector(
      Vertx vertx, KubeClient client, LeaderOptions options, Clock clock, Callbacks callbacks) {
    this.vertx = vertx;
    this.client = client;
    this.options = options;
    this.clock = clock;
    this.callbacks = callbacks;
  }

  /** Starts trying now and every retry period; call on the context that should own the state. */
  public void start() {
    context = vertx.getOrCreateContext();
    context.runOnContext(
        v -> {
          tick();
          timer = vertx.setPeriodic(options.retryPeriod().toMillis(), id -> tick());
        });
  }

  public boolean isLeader() {
    return leader;
  }

  public String identity() {
    return options.identity();
  }

  /**
   * Stops trying; a leader releases the lease (so another replica takes over at once) and runs
   * onStop. Call on the elector's context.
   */
  public Future<Void> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (!leader) {
      return Future.succeededFuture();
    }
    lose("stopping");
    return client
        .get(Lease.class, options.namespace(), options.name())
        .compose(
            lease -> {
              if (!options.identity().equals(lease.spec().holderIdentity)) {
                return Future.succeededFuture();
              }
              lease.spec = LeaseRules.release(lease.spec, clock.instant());
              return client.update(lease).mapEmpty();
            })
        .recover(e -> Future.succeededFuture())
        .mapEmpty();
  }

  /** One attempt; completes with whether this candidate leads afterwards. */
  public Future<Boolean> tryAcquireOrRenew() {
    Instant now = clock.instant();
    return client
        .get(Lease.class, options.namespace(), options.name())
        .compose(
            lease -> {
              if (!LeaseRules.sameRecord(observed, lease.spec)) {
                observed = lease.spec;
                observedAt = now;
              }
              if (LeaseRules.heldByOther(lease.spec, options.identity(), observedAt, now)) {
                lose("the lease is held by " + lease.spec.holderIdentity);
                return Future.succeededFuture(false);
              }
              lease.spec =
                  LeaseRules.acquireOrRenew(
                      lease.spec, options.identity(), now, options.leaseDuration());
              return client.update(lease).map(this::acquired);
            },
            e -> {
              if (!Errors.isNotFound(e)) {
                return Future.failedFuture(e);
              }
              Lease lease = new Lease();
              lease.meta().namespace = options.namespace();
              lease.meta().name = options.name();
              lease.spec =
                  LeaseRules.acquireOrRenew(null, options.identity(), now, options.leaseDuration());
              return client.create(lease).map(this::acquired);
            })
        .recover(e -> Future.succeededFuture(false))
        .map(
            ok -> {
              if (ok) {
                lastRenew = now;
                if (!leader && !stopped) {
                  leader = true;
                  LOG.info("{} became the controller leader", options.identity());
                  callbacks.onStartedLeading();
                }
              } else if (leader && now.isAfter(lastRenew.plus(options.renewDeadline()))) {
                lose("could not renew the lease within " + options.renewDeadline());
              }
              return leader;
            });
  }

  private boolean acquired(Lease written) {
    observed = written.spec;
    observedAt = clock.instant();
    return true;
  }

  private void tick() {
    if (trying || stopped) {
      return;
    }
    trying = true;
    tryAcquireOrRenew().onComplete(ar -> trying = false);
  }

  private void lose(String why) {
    if (leader) {
      leader = false;
      LOG.info("{} stopped leading: {}", options.identity(), why);
      callbacks.onStoppedLeading();
    }
  }
}
