package dev.skiff.server.controller.replicaset;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.ReplicaSetStatus;
import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.core.ReplicationControllerStatus;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.LabelSelector;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind the ReplicaSet logic runs: apps/v1 ReplicaSet itself, and v1 ReplicationController (a
 * ReplicaSet with an equality selector, as Kubernetes runs it: its controller is the ReplicaSet
 * controller behind a conversion). {@code asReplicaSet} gives the ReplicaSet view the reconciler
 * works on, keeping the object's apiVersion, kind and uid so owner references and events name the
 * real object; {@code withStatus} copies a computed status back onto the real object.
 */
public record ReplicatedKind<T extends KubeObject>(
    String controllerName,
    Class<T> type,
    String kind,
    Function<T, ReplicaSet> asReplicaSet,
    BiFunction<T, ReplicaSetStatus, T> withStatus) {

  public static final ReplicatedKind<ReplicaSet> REPLICA_SETS =
      new ReplicatedKind<>(
          "replicaset",
          ReplicaSet.class,
          ReplicaSet.KIND,
          rs -> rs,
          (rs, status) -> {
            ReplicaSet updated = Json.copy(rs, ReplicaSet.class);
            updated.status = status;
            return updated;
          });

  public static final ReplicatedKind<ReplicationController> REPLICATION_CONTROLLERS =
      new ReplicatedKind<>(
          "replicationcontroller",
          ReplicationController.class,
          ReplicationController.KIND,
          ReplicatedKind::view,
          (rc, status) -> {
            ReplicationController updated = Json.copy(rc, ReplicationController.class);
            updated.status = Json.mapper().convertValue(status, ReplicationControllerStatus.class);
            return updated;
          });

  private static ReplicaSet view(ReplicationController rc) {
    ReplicaSet rs = new ReplicaSet();
    rs.apiVersion = rc.apiVersion;
    rs.kind = rc.kind;
    rs.metadata = rc.metadata;
    rs.spec().replicas = rc.spec().replicas;
    rs.spec.minReadySeconds = rc.spec.minReadySeconds;
    rs.spec.template = rc.spec.template;
    rs.spec.selector = new LabelSelector();
    rs.spec.selector.matchLabels =
        rc.spec.selector == null ? null : new LinkedHashMap<>(rc.spec.selector);
    rs.status =
        rc.status == null ? null : Json.mapper().convertValue(rc.status, ReplicaSetStatus.class);
    return rs;
  }
}
