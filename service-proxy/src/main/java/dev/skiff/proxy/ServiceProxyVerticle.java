package dev.skiff.proxy;

import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.client.workqueue.BoundedFrequencyRunner;
import dev.skiff.api.client.workqueue.Scheduler;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.config.BindFailureEvents;
import dev.skiff.proxy.config.InformerHandlers;
import dev.skiff.proxy.config.ProxyState;
import dev.skiff.proxy.config.ProxySync;
import dev.skiff.proxy.config.SnapshotBuilder;
import dev.skiff.proxy.dataplane.DataPlaneEvents;
import dev.skiff.proxy.dataplane.UserspaceDataPlane;
import dev.skiff.proxy.lb.HealthUrls;
import dev.skiff.proxy.lb.NodeHealthChecker;
import dev.skiff.proxy.metrics.MetricsRegistry;
import dev.skiff.proxy.metrics.ProxyMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The service proxy of one node: watches Services and EndpointSlices (and Nodes in the LoadBalancer
 * role) through the API, and programs the userspace data plane at a bounded frequency. A node agent
 * deploys one per node, on a Vertx created with {@code setPreferNativeTransport(true)}. {@link
 * #start()} completes once the caches have synced; listeners follow within the minimum sync
 * interval. Bind failures never fail the deployment: they are logged, counted in metrics and
 * retried on the next sync.
 */
public final class ServiceProxyVerticle extends VerticleBase {
  private final KubeClient client;
  private final ProxyOptions options;
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final DataPlaneEvents events;
  private final HealthUrls healthUrls;
  private final List<Informer<?>> informers = new ArrayList<>();
  private final InformerFactory factory;
  private BoundedFrequencyRunner runner;
  private NodeHealthChecker health;
  private UserspaceDataPlane dataPlane;

  public ServiceProxyVerticle(KubeClient client, ProxyOptions options, MetricsRegistry registry) {
    this(client, null, options, registry);
  }

  /**
   * @param factory where the informers come from (e.g. shared with the other components of the
   *     JVM), or null for informers of its own through {@code client}
   */
  public ServiceProxyVerticle(
      KubeClient client, InformerFactory factory, ProxyOptions options, MetricsRegistry registry) {
    this(
        client,
        factory,
        options,
        registry,
        DataPlaneEvents.NONE,
        HealthUrls.healthzOnPort(options.healthCheckPort()));
  }

  public ServiceProxyVerticle(
      KubeClient client,
      ProxyOptions options,
      MetricsRegistry registry,
      DataPlaneEvents events,
      HealthUrls healthUrls) {
    this(client, null, options, registry, events, healthUrls);
  }

  /**
   * @param healthUrls where the LoadBalancer role checks each node's health
   */
  public ServiceProxyVerticle(
      KubeClient client,
      InformerFactory factory,
      ProxyOptions options,
      MetricsRegistry registry,
      DataPlaneEvents events,
      HealthUrls healthUrls) {
    this.client = client;
    this.factory = factory;
    this.options = options;
    this.events = events;
    this.healthUrls = healthUrls;
    registry.register(metrics);
  }

  @Override
  public Future<?> start() {
    ProxyState state = new ProxyState(() -> runner.run());
    if (options.loadBalancer()) {
      health =
          new NodeHealthChecker(
              vertx, healthUrls, options.healthCheckInterval(), () -> runner.run());
    }
    Informer<Service> services = informer(Service.class, InformerHandlers.services(state));
    DataPlaneEvents reported =
        new BindFailureEvents(
            new EventRecorder(client, "skiff-proxy", Clock.systemUTC()),
            services::get,
            options.nodeProxy() ? options.nodeName() : "the load balancer",
            events);
    dataPlane =
        new UserspaceDataPlane(
            vertx, options, metrics, reported, health == null ? n -> true : health);
    ProxySync sync =
        new ProxySync(
            state,
            new SnapshotBuilder(options.nodeName()),
            dataPlane,
            metrics,
            options.loadBalancer(),
            snapshot -> {
              if (health != null) {
                health.track(snapshot.nodes());
              }
            });
    runner =
        new BoundedFrequencyRunner(
            "service-proxy",
            sync,
            options.minSyncInterval(),
            options.maxSyncInterval(),
            Scheduler.of(vertx));
    runner.start();
    if (health != null) {
      health.start();
    }
    List<Future<Void>> synced = new ArrayList<>();
    synced.add(services.start().onSuccess(v -> state.onServicesSynced()));
    synced.add(
        informer(EndpointSlice.class, InformerHandlers.endpointSlices(state))
            .start()
            .onSuccess(v -> state.onEndpointSlicesSynced()));
    if (options.loadBalancer()) {
      synced.add(
          informer(Node.class, InformerHandlers.nodes(state))
              .start()
              .onSuccess(v -> state.onNodesSynced()));
    }
    return Future.all(synced);
  }

  @Override
  public Future<?> stop() {
    runner.stop();
    List<Future<?>> stopping = new ArrayList<>();
    informers.forEach(i -> stopping.add(i.stop()));
    if (health != null) {
      stopping.add(health.stop());
    }
    stopping.add(dataPlane.close());
    return Future.join(stopping);
  }

  private <T extends dev.skiff.api.model.meta.KubeObject> Informer<T> informer(
      Class<T> type, dev.skiff.api.client.informer.ResourceEventHandler<T> handler) {
    Informer<T> informer =
        factory == null
            ? new Informer<>(vertx, client, type, InformerOptions.defaults())
            : factory.informer(type, InformerOptions.defaults());
    informer.addEventHandler(handler);
    informers.add(informer);
    return informer;
  }
}
