package dev.skiff.api.defaults;

import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.DaemonSetSpec;
import dev.skiff.api.model.apps.DaemonSetUpdateStrategy;
import dev.skiff.api.model.apps.RollingUpdateDaemonSet;
import dev.skiff.api.model.apps.RollingUpdateStatefulSetStrategy;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import dev.skiff.api.model.apps.StatefulSetSpec;
import dev.skiff.api.model.apps.StatefulSetUpdateStrategy;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.core.ReplicationControllerSpec;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.ObjectMeta;
import java.util.LinkedHashMap;

/**
 * apps/v1 SetDefaults_StatefulSet and SetDefaults_DaemonSet, core/v1
 * SetDefaults_ReplicationController (a missing selector or labels come from the template).
 */
final class WorkloadDefaults {
  private WorkloadDefaults() {}

  static void apply(StatefulSet sts) {
    StatefulSetSpec s = sts.spec();
    if (s.replicas == null) {
      s.replicas = 1;
    }
    if (s.podManagementPolicy == null || s.podManagementPolicy.isEmpty()) {
      s.podManagementPolicy = "OrderedReady";
    }
    if (s.updateStrategy == null) {
      s.updateStrategy = new StatefulSetUpdateStrategy();
    }
    if (s.updateStrategy.type == null || s.updateStrategy.type.isEmpty()) {
      s.updateStrategy.type = "RollingUpdate";
    }
    if ("RollingUpdate".equals(s.updateStrategy.type)) {
      if (s.updateStrategy.rollingUpdate == null) {
        s.updateStrategy.rollingUpdate = new RollingUpdateStatefulSetStrategy();
      }
      if (s.updateStrategy.rollingUpdate.partition == null) {
        s.updateStrategy.rollingUpdate.partition = 0;
      }
    }
    if (s.revisionHistoryLimit == null) {
      s.revisionHistoryLimit = 10;
    }
    if (s.persistentVolumeClaimRetentionPolicy == null) {
      s.persistentVolumeClaimRetentionPolicy =
          new StatefulSetPersistentVolumeClaimRetentionPolicy();
    }
    if (s.persistentVolumeClaimRetentionPolicy.whenDeleted == null) {
      s.persistentVolumeClaimRetentionPolicy.whenDeleted = "Retain";
    }
    if (s.persistentVolumeClaimRetentionPolicy.whenScaled == null) {
      s.persistentVolumeClaimRetentionPolicy.whenScaled = "Retain";
    }
    if (s.volumeClaimTemplates != null) {
      for (PersistentVolumeClaim t : s.volumeClaimTemplates) {
        StorageDefaults.apply(t);
      }
    }
    Defaults.template(s.template);
  }

  static void apply(DaemonSet ds) {
    DaemonSetSpec s = ds.spec();
    if (s.updateStrategy == null) {
      s.updateStrategy = new DaemonSetUpdateStrategy();
    }
    if (s.updateStrategy.type == null || s.updateStrategy.type.isEmpty()) {
      s.updateStrategy.type = "RollingUpdate";
    }
    if ("RollingUpdate".equals(s.updateStrategy.type)) {
      if (s.updateStrategy.rollingUpdate == null) {
        s.updateStrategy.rollingUpdate = new RollingUpdateDaemonSet();
      }
      if (s.updateStrategy.rollingUpdate.maxUnavailable == null) {
        s.updateStrategy.rollingUpdate.maxUnavailable = IntOrString.of(1);
      }
      if (s.updateStrategy.rollingUpdate.maxSurge == null) {
        s.updateStrategy.rollingUpdate.maxSurge = IntOrString.of(0);
      }
    }
    if (s.revisionHistoryLimit == null) {
      s.revisionHistoryLimit = 10;
    }
    Defaults.template(s.template);
  }

  static void apply(ReplicationController rc) {
    ReplicationControllerSpec s = rc.spec();
    PodTemplateSpec t = s.template;
    if (t != null && t.metadata != null && t.metadata.labels != null) {
      if (s.selector == null || s.selector.isEmpty()) {
        s.selector = new LinkedHashMap<>(t.metadata.labels);
      }
      ObjectMeta meta = rc.meta();
      if (meta.labels == null || meta.labels.isEmpty()) {
        meta.labels = new LinkedHashMap<>(t.metadata.labels);
      }
    }
    if (s.replicas == null) {
      s.replicas = 1;
    }
    Defaults.template(t);
  }
}
