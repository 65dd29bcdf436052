package dev.skiff.api.validation;

import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.autoscaling.Scale;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleBinding;
import dev.skiff.api.model.storage.StorageClass;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validation as the Kubernetes API server does it, per kind, with its field paths, cause reasons
 * and messages. Expects a defaulted object ({@link dev.skiff.api.defaults.Defaults}); a field that
 * defaulting fills (protocol, restartPolicy, ...) is not reported when it is absent.
 */
public final class Validation {
  private Validation() {}

  /** How one kind is checked on create and, additionally, on update. */
  private record Rules<T extends KubeObject>(
      Class<T> type, BiConsumer<T, ErrorList> create, Update<T> update) {
    void run(KubeObject obj, KubeObject old, ErrorList errs) {
      if (old != null && type.isInstance(old)) {
        update.check(type.cast(obj), type.cast(old), errs);
      }
      create.accept(type.cast(obj), errs);
    }
  }

  @FunctionalInterface
  private interface Update<T> {
    void check(T obj, T old, ErrorList errs);

    static <T> Update<T> none() {
      return (obj, old, errs) -> {};
    }
  }

  private static final Map<Class<?>, Rules<?>> RULES =
      Stream.of(
              new Rules<>(Pod.class, PodValidation::validate, PodValidation::validateUpdateSpec),
              new Rules<>(
                  Service.class, ServiceValidation::validate, ServiceIpValidation::validateUpdate),
              new Rules<>(
                  Deployment.class,
                  WorkloadValidation::validate,
                  WorkloadValidation::validateUpdate),
              new Rules<>(
                  ReplicaSet.class,
                  WorkloadValidation::validate,
                  WorkloadValidation::validateUpdate),
              new Rules<>(
                  EndpointSlice.class,
                  EndpointSliceValidation::validate,
                  EndpointSliceValidation::validateUpdate),
              new Rules<>(Node.class, NodeValidation::validate, NodeValidation::validateUpdate),
              new Rules<>(Endpoints.class, EndpointsValidation::validate, Update.<Endpoints>none()),
              new Rules<>(Namespace.class, NamespaceValidation::validate, Update.<Namespace>none()),
              new Rules<>(Event.class, EventValidation::validate, Update.<Event>none()),
              new Rules<>(Lease.class, LeaseValidation::validate, Update.<Lease>none()),
              new Rules<>(Scale.class, LeaseValidation::validate, Update.<Scale>none()),
              new Rules<>(
                  ConfigMap.class,
                  ConfigMapValidation::validate,
                  ConfigMapValidation::validateUpdate),
              new Rules<>(
                  Secret.class, SecretValidation::validate, SecretValidation::validateUpdate),
              new Rules<>(
                  ServiceAccount.class,
                  ServiceAccountValidation::validate,
                  Update.<ServiceAccount>none()),
              new Rules<>(
                  StatefulSet.class,
                  StatefulSetValidation::validate,
                  StatefulSetValidation::validateUpdate),
              new Rules<>(
                  DaemonSet.class,
                  DaemonSetValidation::validate,
                  DaemonSetValidation::validateUpdate),
              new Rules<>(
                  ReplicationController.class,
                  ReplicationControllerValidation::validate,
                  Update.<ReplicationController>none()),
              new Rules<>(
                  ControllerRevision.class,
                  ControllerRevisionValidation::validate,
                  ControllerRevisionValidation::validateUpdate),
              new Rules<>(Job.class, JobValidation::validate, JobValidation::validateUpdate),
              new Rules<>(
                  CronJob.class, CronJobValidation::validate, CronJobValidation::validateUpdate),
              new Rules<>(Role.class, RbacValidation::validate, Update.<Role>none()),
              new Rules<>(ClusterRole.class, RbacValidation::validate, Update.<ClusterRole>none()),
              new Rules<>(
                  RoleBinding.class, RbacValidation::validate, RbacValidation::validateUpdate),
              new Rules<>(
                  ClusterRoleBinding.class,
                  RbacValidation::validate,
                  RbacValidation::validateUpdate),
              new Rules<>(
                  PersistentVolumeClaim.class,
                  StorageValidation::validate,
                  StorageValidation::validateUpdate),
              new Rules<>(
                  PersistentVolume.class,
                  StorageValidation::validate,
                  StorageValidation::validateUpdate),
              new Rules<>(
                  StorageClass.class,
                  StorageValidation::validate,
                  StorageValidation::validateUpdate))
          .collect(Collectors.toUnmodifiableMap(Rules::type, r -> r));

  /** The problems with {@code obj}; {@code old} is the stored object on update, null on create. */
  public static List<StatusCause> validate(KubeObject obj, KubeObject old) {
    ErrorList errs = new ErrorList();
    if (old != null) {
      ObjectMetaValidation.validateUpdate(
          obj.metadata, old.metadata, FieldPath.root("metadata"), errs);
    }
    Rules<?> rules = RULES.get(obj.getClass());
    if (rules != null) {
      rules.run(obj, old, errs);
    }
    return errs.causes();
  }

  /**
   * Throws 422 Invalid with one cause per field when {@code obj} is invalid. Status details carry
   * the kind ("Pod", or "Scale" for a scale), as the real server's NewInvalid does.
   */
  public static void validateOrThrow(ResourceType rt, KubeObject obj, KubeObject old) {
    List<StatusCause> causes = validate(obj, old);
    if (causes.isEmpty()) {
      return;
    }
    String name = obj.metadata == null ? null : obj.metadata.name;
    boolean scale = obj instanceof Scale;
    String group = scale ? "autoscaling" : rt.group();
    String kind = scale ? Scale.KIND : rt.kind();
    throw StatusException.invalid(group, kind, kind, name, causes);
  }
}
