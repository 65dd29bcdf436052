package dev.skiff.server.controller;

import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.server.alloc.ServiceAllocators;
import dev.skiff.server.controller.allocationrepair.AllocationRepairController;
import dev.skiff.server.controller.clusterroleaggregation.ClusterRoleAggregationController;
import dev.skiff.server.controller.cronjob.CronJobController;
import dev.skiff.server.controller.daemonset.DaemonSetController;
import dev.skiff.server.controller.deployment.DeploymentController;
import dev.skiff.server.controller.endpoints.EndpointsController;
import dev.skiff.server.controller.endpointslice.EndpointSliceController;
import dev.skiff.server.controller.endpointslicemirroring.EndpointSliceMirroringController;
import dev.skiff.server.controller.gc.GarbageCollector;
import dev.skiff.server.controller.job.JobController;
import dev.skiff.server.controller.job.JobReconciler;
import dev.skiff.server.controller.loadbalancer.LoadBalancerController;
import dev.skiff.server.controller.nodelifecycle.NodeLifecycleController;
import dev.skiff.server.controller.replicaset.ReplicaSetController;
import dev.skiff.server.controller.replicaset.ReplicatedKind;
import dev.skiff.server.controller.scheduler.SchedulerController;
import dev.skiff.server.controller.serviceaccount.ServiceAccountControllers;
import dev.skiff.server.controller.statefulset.StatefulSetController;
import dev.skiff.server.controller.support.ManagedController;
import dev.skiff.server.controller.support.SharedInformers;
import dev.skiff.server.controller.volume.PersistentVolumeController;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every controller of one leadership term, on fresh shared informers. */
final class ControllerSet {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerSet.class);

  private final SharedInformers informers;
  private final List<ManagedController> controllers = new ArrayList<>();

  ControllerSet(
      Vertx vertx,
      KubeClient client,
      ServiceAllocators allocators,
      ControllerOptions options,
      String rootCa) {
    informers =
        options.informers() == null
            ? new SharedInformers(vertx, client, options.resync())
            : new SharedInformers(client, options.informers(), options.resync());
    EventRecorder events = new EventRecorder(client, "skiff-controller-manager", options.clock());
    EventRecorder scheduler = new EventRecorder(client, SchedulerController.NAME, options.clock());
    int workers = options.workers();
    controllers.add(new EndpointSliceController(vertx, informers, workers));
    controllers.add(new EndpointsController(vertx, informers, workers));
    controllers.add(new EndpointSliceMirroringController(vertx, informers, 1));
    controllers.add(new SchedulerController(vertx, informers, scheduler, options.clock(), 1));
    controllers.add(
        new ReplicaSetController<>(
            vertx, informers, ReplicatedKind.REPLICA_SETS, events, options.clock(), workers));
    controllers.add(
        new ReplicaSetController<>(
            vertx,
            informers,
            ReplicatedKind.REPLICATION_CONTROLLERS,
            events,
            options.clock(),
            workers));
    controllers.add(new StatefulSetController(vertx, informers, events, options.clock(), workers));
    controllers.add(new DaemonSetController(vertx, informers, events, options.clock(), workers));
    controllers.add(new DeploymentController(vertx, informers, events, options.clock(), workers));
    controllers.add(
        new JobController(
            vertx, informers, events, options.clock(), JobReconciler.Options.DEFAULT, workers));
    controllers.add(new CronJobController(vertx, informers, events, options.clock(), 1));
    controllers.add(
        new NodeLifecycleController(
            vertx, informers, events, options.clock(), options.nodeLifecycle()));
    controllers.add(new GarbageCollector(vertx, informers));
    controllers.add(new PersistentVolumeController(vertx, informers, events, options.clock()));
    controllers.addAll(ServiceAccountControllers.create(vertx, informers, rootCa));
    controllers.add(new ClusterRoleAggregationController(vertx, informers));
    if (allocators != null) {
      controllers.add(new AllocationRepairController(vertx, informers, allocators));
      controllers.add(new LoadBalancerController(vertx, informers, allocators, events));
    }
  }

  Future<Void> start() {
    List<Future<Void>> started = new ArrayList<>();
    for (ManagedController c : controllers) {
      started.add(c.start().onFailure(e -> LOG.warn("controller {} failed to start", c.name(), e)));
    }
    return Future.all(started).mapEmpty();
  }

  /** One Prometheus sample line per controller: the keys its work queue dropped. */
  void writeDroppedKeys(StringBuilder out) {
    for (ManagedController c : controllers) {
      out.append(ControllerManager.DROPPED_KEYS)
          .append("{controller=\"")
          .append(c.name())
          .append("\"} ")
          .append(c.droppedKeys())
          .append('\n');
    }
  }

  Future<Void> stop() {
    List<Future<Void>> stopped = new ArrayList<>();
    controllers.forEach(c -> stopped.add(c.stop()));
    return Future.join(stopped).transform(ar -> informers.stop());
  }
}
