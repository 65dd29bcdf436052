package dev.skiff.api.resource;

import dev.skiff.api.model.apiextensions.CustomResourceDefinition;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.StatefulSet;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry of every kind Skiff serves. */
public final class Resources {
  public static final ResourceType NAMESPACES =
      new ResourceType(
          "",
          "v1",
          "Namespace",
          "namespaces",
          "namespace",
          false,
          List.of("ns"),
          List.of(),
          Namespace.class,
          true,
          true,
          Set.of("status"),
          Set.of("status.phase"));
  public static final ResourceType NODES =
      new ResourceType(
          "",
          "v1",
          "Node",
          "nodes",
          "node",
          false,
          List.of("no"),
          List.of(),
          Node.class,
          true,
          true,
          Set.of("status"),
          Set.of("spec.unschedulable"));
  public static final ResourceType PODS =
      new ResourceType(
          "",
          "v1",
          "Pod",
          "pods",
          "pod",
          true,
          List.of("po"),
          List.of("all"),
          Pod.class,
          true,
          true,
          Set.of("status", "log"),
          Set.of(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.nominatedNodeName"));
  public static final ResourceType SERVICES =
      new ResourceType(
          "",
          "v1",
          "Service",
          "services",
          "service",
          true,
          List.of("svc"),
          List.of("all"),
          Service.class,
          true,
          true,
          Set.of("status"),
          Set.of());
  public static final ResourceType ENDPOINTS =
      new ResourceType(
          "",
          "v1",
          "Endpoints",
          "endpoints",
          "endpoints",
          true,
          List.of("ep"),
          List.of(),
          Endpoints.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType EVENTS =
      new ResourceType(
          "",
          "v1",
          "Event",
          "events",
          "event",
          true,
          List.of("ev"),
          List.of(),
          Event.class,
          false,
          false,
          Set.of(),
          Set.of(
              "involvedObject.kind",
              "involvedObject.namespace",
              "involvedObject.name",
              "involvedObject.uid",
              "involvedObject.apiVersion",
              "involvedObject.resourceVersion",
              "involvedObject.fieldPath",
              "reason",
              "reportingComponent",
              "source",
              "type"));
  public static final ResourceType CONFIGMAPS =
      new ResourceType(
          "",
          "v1",
          "ConfigMap",
          "configmaps",
          "configmap",
          true,
          List.of("cm"),
          List.of(),
          ConfigMap.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType SECRETS =
      new ResourceType(
          "",
          "v1",
          "Secret",
          "secrets",
          "secret",
          true,
          List.of(),
          List.of(),
          Secret.class,
          false,
          false,
          Set.of(),
          Set.of("type"));
  public static final ResourceType SERVICEACCOUNTS =
      new ResourceType(
          "",
          "v1",
          "ServiceAccount",
          "serviceaccounts",
          "serviceaccount",
          true,
          List.of("sa"),
          List.of(),
          ServiceAccount.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType PERSISTENTVOLUMECLAIMS =
      new ResourceType(
          "",
          "v1",
          "PersistentVolumeClaim",
          "persistentvolumeclaims",
          "persistentvolumeclaim",
          true,
          List.of("pvc"),
          List.of(),
          PersistentVolumeClaim.class,
          true,
          true,
          Set.of("status"),
          Set.of());
  public static final ResourceType PERSISTENTVOLUMES =
      new ResourceType(
          "",
          "v1",
          "PersistentVolume",
          "persistentvolumes",
          "persistentvolume",
          false,
          List.of("pv"),
          List.of(),
          PersistentVolume.class,
          true,
          true,
          Set.of("status"),
          Set.of());
  public static final ResourceType STORAGECLASSES =
      new ResourceType(
          "storage.k8s.io",
          "v1",
          "StorageClass",
          "storageclasses",
          "storageclass",
          false,
          List.of("sc"),
          List.of(),
          StorageClass.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType DEPLOYMENTS =
      new ResourceType(
          "apps",
          "v1",
          "Deployment",
          "deployments",
          "deployment",
          true,
          List.of("deploy"),
          List.of("all"),
          Deployment.class,
          true,
          true,
          Set.of("status", "scale"),
          Set.of());
  public static final ResourceType REPLICASETS =
      new ResourceType(
          "apps",
          "v1",
          "ReplicaSet",
          "replicasets",
          "replicaset",
          true,
          List.of("rs"),
          List.of("all"),
          ReplicaSet.class,
          true,
          true,
          Set.of("status", "scale"),
          Set.of("status.replicas"));
  public static final ResourceType STATEFULSETS =
      new ResourceType(
          "apps",
          "v1",
          "StatefulSet",
          "statefulsets",
          "statefulset",
          true,
          List.of("sts"),
          List.of("all"),
          StatefulSet.class,
          true,
          true,
          Set.of("status", "scale"),
          Set.of());
  public static final ResourceType DAEMONSETS =
      new ResourceType(
          "apps",
          "v1",
          "DaemonSet",
          "daemonsets",
          "daemonset",
          true,
          List.of("ds"),
          List.of("all"),
          DaemonSet.class,
          true,
          true,
          Set.of("status"),
          Set.of());
  public static final ResourceType CONTROLLERREVISIONS =
      new ResourceType(
          "apps",
          "v1",
          "ControllerRevision",
          "controllerrevisions",
          "controllerrevision",
          true,
          List.of(),
          List.of(),
          ControllerRevision.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType REPLICATIONCONTROLLERS =
      new ResourceType(
          "",
          "v1",
          "ReplicationController",
          "replicationcontrollers",
          "replicationcontroller",
          true,
          List.of("rc"),
          List.of("all"),
          ReplicationController.class,
          true,
          true,
          Set.of("status", "scale"),
          Set.of("status.replicas"));
  public static final ResourceType JOBS =
      new ResourceType(
          "batch",
          "v1",
          "Job",
          "jobs",
          "job",
          true,
          List.of(),
          List.of("all"),
          Job.class,
          true,
          true,
          Set.of("status"),
          Set.of());
  public static final ResourceType CRONJOBS =
      new ResourceType(
          "batch",
          "v1",
          "CronJob",
          "cronjobs",
          "cronjob",
          true,
          List.of("cj"),
          List.of("all"),
          CronJob.class,
          true,
          true,
          Set.of("status"),
          Set.of());
  public static final ResourceType ENDPOINTSLICES =
      new ResourceType(
          "discovery.k8s.io",
          "v1",
          "EndpointSlice",
          "endpointslices",
          "endpointslice",
          true,
          List.of(),
          List.of(),
          EndpointSlice.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType LEASES =
      new ResourceType(
          "coordination.k8s.io",
          "v1",
          "Lease",
          "leases",
          "lease",
          true,
          List.of(),
          List.of(),
          Lease.class,
          true,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType CUSTOMRESOURCEDEFINITIONS =
      new ResourceType(
          "apiextensions.k8s.io",
          "v1",
          "CustomResourceDefinition",
          "customresourcedefinitions",
          "customresourcedefinition",
          false,
          List.of("crd", "crds"),
          List.of("api-extensions"),
          CustomResourceDefinition.class,
          true,
          true,
          Set.of("status"),
          Set.of());

  public static final ResourceType ROLES = rbac("Role", true, Role.class);
  public static final ResourceType ROLEBINDINGS = rbac("RoleBinding", true, RoleBinding.class);
  public static final ResourceType CLUSTERROLES = rbac("ClusterRole", false, ClusterRole.class);
  public static final ResourceType CLUSTERROLEBINDINGS =
      rbac("ClusterRoleBinding", false, ClusterRoleBinding.class);

  public static final List<ResourceType> ALL =
      List.of(
          NAMESPACES,
          NODES,
          PODS,
          SERVICES,
          ENDPOINTS,
          EVENTS,
          CONFIGMAPS,
          SECRETS,
          SERVICEACCOUNTS,
          PERSISTENTVOLUMECLAIMS,
          PERSISTENTVOLUMES,
          DEPLOYMENTS,
          REPLICASETS,
          STATEFULSETS,
          DAEMONSETS,
          CONTROLLERREVISIONS,
          REPLICATIONCONTROLLERS,
          JOBS,
          CRONJOBS,
          ENDPOINTSLICES,
          LEASES,
          CUSTOMRESOURCEDEFINITIONS,
          ROLES,
          ROLEBINDINGS,
          CLUSTERROLES,
          CLUSTERROLEBINDINGS,
          STORAGECLASSES);

  private static final Map<String, ResourceType> BY_GROUP_PLURAL = new LinkedHashMap<>();
  private static final Map<Class<?>, ResourceType> BY_CLASS = new LinkedHashMap<>();
  private static final Map<String, ResourceType> BY_API_VERSION_KIND = new LinkedHashMap<>();

  static {
    for (ResourceType t : ALL) {
      BY_GROUP_PLURAL.put(t.group() + "/" + t.plural(), t);
      BY_CLASS.put(t.type(), t);
      BY_API_VERSION_KIND.put(t.apiVersion() + "/" + t.kind(), t);
    }
  }

  private Resources() {}

  /** An rbac.authorization.k8s.io/v1 kind: no spec, status or subresources. */
  private static ResourceType rbac(String kind, boolean namespaced, Class<? extends KubeObject> c) {
    return ResourceType.plain("rbac.authorization.k8s.io", kind, namespaced, c);
  }

  /** Lookup by group ("" for core) and plural resource name. */
  public static Optional<ResourceType> byPlural(String group, String plural) {
    return Optional.ofNullable(BY_GROUP_PLURAL.get(group + "/" + plural));
  }

  public static Optional<ResourceType> byApiVersionKind(String apiVersion, String kind) {
    return Optional.ofNullable(BY_API_VERSION_KIND.get(apiVersion + "/" + kind));
  }

  public static ResourceType of(Class<? extends KubeObject> type) {
    ResourceType t = BY_CLASS.get(type);
    if (t == null) {
      throw new IllegalArgumentException("not a served kind: " + type.getName());
    }
    return t;
  }

  /**
   * What a user types on the command line: plural, singular, short name or kind, any case, with an
   * optional ".group" suffix ("deploy", "deployments.apps", "Pod").
   */
  public static Optional<ResourceType> byUserName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (ResourceType t : ALL) {
      if (n.equals(t.plural())
          || n.equals(t.singular())
          || t.shortNames().contains(n)
          || n.equals(t.kind().toLowerCase(Locale.ROOT))
          || n.equals(t.qualifiedName())
          || n.equals(t.singular() + "." + t.group())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
