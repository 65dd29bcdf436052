package dev.skiff.proxy.dataplane;

import dev.skiff.api.client.vertx.VertxNetty;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.metrics.ProxyMetrics;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.Protocol;
import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The userspace data plane: TCP and UDP listeners in this JVM, forwarding on Vert.x's event loops
 * (epoll native transport when the Vertx instance prefers it; TCP is then served on the loops'
 * epoll directly, see {@link EpollTcpListener}). One listener per (protocol, address, port) is kept
 * across syncs; a sync only swaps its backends. All state is confined to the context the data plane
 * was created on.
 */
public final class UserspaceDataPlane implements DataPlane {
  private static final Logger LOG = LoggerFactory.getLogger(UserspaceDataPlane.class);
  private static final long AFFINITY_SWEEP_MS = 60_000;

  private final Context context;
  private final ProxyOptions options;
  private final ProxyMetrics metrics;
  private final DataPlaneEvents events;
  private final Predicate<NodeInfo> nodeHealth;
  private final RoutePlanner planner;
  private final Connector connector;
  private final boolean epollListeners;
  private final Map<ListenerKey, Listener> listeners = new HashMap<>();
  private final Map<PoolKey, Backends> pools = new HashMap<>();
  private final long sweepTimer;
  private Future<?> tail;

  /**
   * @param nodeHealth which nodes the LoadBalancer role may forward to (ignored otherwise)
   */
  public UserspaceDataPlane(
      Vertx vertx,
      ProxyOptions options,
      ProxyMetrics metrics,
      DataPlaneEvents events,
      Predicate<NodeInfo> nodeHealth) {
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.metrics = metrics;
    this.events = events;
    this.nodeHealth = nodeHealth;
    this.planner = new RoutePlanner(options);
    this.connector =
        new Connector(VertxNetty.transport(vertx).channelFactory(false), options.retry());
    this.epollListeners = EpollTcpListener.supported(VertxNetty.eventLoops(vertx));
    this.tail = Future.succeededFuture();
    if (!vertx.isNativeTransportEnabled()) {
      LOG.warn("Native transport is off; the proxy runs on NIO (set preferNativeTransport)");
    }
    this.sweepTimer =
        vertx.setPeriodic(AFFINITY_SWEEP_MS, id -> context.runOnContext(v -> sweep()));
  }

  public UserspaceDataPlane(Vertx vertx, ProxyOptions options, ProxyMetrics metrics) {
    this(vertx, options, metrics, DataPlaneEvents.NONE, n -> true);
  }

  @Override
  public synchronized Future<SyncResult> sync(Snapshot snapshot) {
    Future<SyncResult> next = tail.transform(ignored -> onContext(() -> apply(snapshot)));
    tail = next;
    return next;
  }

  @Override
  public synchronized Future<Void> close() {
    Future<Void> next =
        tail.transform(
            ignored ->
                onContext(
                    () -> {
                      context.owner().cancelTimer(sweepTimer);
                      List<Future<Void>> closing = new ArrayList<>();
                      listeners.values().forEach(l -> closing.add(l.close()));
                      listeners.clear();
                      pools.clear();
                      return Future.join(closing).mapEmpty();
                    }));
    tail = next;
    return next;
  }

  /** Runs {@code step} on the data plane's context, where all its state lives. */
  private <T> Future<T> onContext(Supplier<Future<T>> step) {
    Promise<T> done = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            step.get().onComplete(done);
          } catch (RuntimeException e) {
            done.fail(e);
          }
        });
    return done.future();
  }

  private Future<SyncResult> apply(Snapshot snapshot) {
    long start = System.nanoTime();
    RoutePlan plan = planner.plan(snapshot, nodeHealth);
    plan.pools()
        .forEach(
            (key, pool) ->
                pools
                    .computeIfAbsent(
                        key, k -> new Backends(k, metrics.service(k.service().toString())))
                    .update(pool));
    pools.keySet().retainAll(plan.pools().keySet());
    List<Future<Void>> pending = new ArrayList<>();
    for (Iterator<Listener> it = listeners.values().iterator(); it.hasNext(); ) {
      Listener l = it.next();
      if (!plan.listeners().containsKey(l.key())) {
        it.remove();
        pending.add(l.close());
        events.listenerClosed(l.key());
      }
    }
    Map<ListenerKey, Future<Void>> binding = new LinkedHashMap<>();
    plan.listeners()
        .forEach(
            (key, poolKey) -> {
              Backends backends = pools.get(poolKey);
              Listener l = listeners.get(key);
              if (l == null) {
                l = newListener(key);
                listeners.put(key, l);
                l.route(backends);
                binding.put(key, l.bind());
              } else {
                l.route(backends);
              }
            });
    pending.addAll(binding.values());
    return Future.join(pending).transform(ignored -> finish(plan, binding, start));
  }

  private Future<SyncResult> finish(
      RoutePlan plan, Map<ListenerKey, Future<Void>> binding, long start) {
    Map<ListenerKey, Throwable> failures = new HashMap<>();
    binding.forEach(
        (key, bound) -> {
          if (bound.failed()) {
            failures.put(key, bound.cause());
            Listener l = listeners.remove(key);
            if (l != null) {
              l.close();
            }
            metrics.bindFailed();
            LOG.warn("Cannot listen on {}: {}", key, bound.cause().toString());
            events.bindFailed(key, plan.listeners().get(key).service(), bound.cause());
          } else {
            events.listenerBound(key);
          }
        });
    metrics.retain(
        pools.values().stream()
            .collect(
                Collectors.toMap(
                    b -> b.key.service().toString(), Backends::hostPorts, (a, b) -> union(a, b))));
    metrics.syncCompleted((System.nanoTime() - start) / 1e9, listeners.size());
    return Future.succeededFuture(new SyncResult(listeners.keySet(), failures));
  }

  private Listener newListener(ListenerKey key) {
    if (key.protocol() == Protocol.UDP) {
      return new UdpListener(
          key, context, options.udpIdleTimeout(), options.reusePort() && !isNodeAddress(key));
    }
    boolean reusePort = options.reusePort() && !isNodeAddress(key);
    if (epollListeners) {
      return new EpollTcpListener(
          key, context, VertxNetty.eventLoops(context.owner()), options.retry(), reusePort);
    }
    return new TcpListener(key, context, connector, reusePort);
  }

  /** NodePorts bind this node's own addresses; ClusterIPs and ingress IPs are shared. */
  private boolean isNodeAddress(ListenerKey key) {
    return options.nodeAddresses().contains(key.ip());
  }

  private void sweep() {
    pools.values().forEach(b -> b.balancer.expireAffinity());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
