package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.ContainerSchema.CONTAINER;
import static dev.skiff.server.protobuf.ContainerSchema.LOCAL_OBJECT_REFERENCE;
import static dev.skiff.server.protobuf.ContainerSchema.SECCOMP_PROFILE;
import static dev.skiff.server.protobuf.MetaSchema.LABEL_SELECTOR;
import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;
import static dev.skiff.server.protobuf.MetaSchema.QUANTITY;

/** core/v1 Pod, PodTemplateSpec, PodSpec and the pod-level types (volumes, tolerations, DNS). */
final class PodSchema {
  private PodSchema() {}

  static final Message KEY_TO_PATH =
      Message.named("KeyToPath")
          .string(1, "key")
          .always()
          .string(2, "path")
          .always()
          .int32Ptr(3, "mode");

  static final Message VOLUME_SOURCE =
      Message.named("VolumeSource")
          .messagePtr(
              1,
              "hostPath",
              Message.named("HostPathVolumeSource").string(1, "path").always().stringPtr(2, "type"))
          .messagePtr(
              2,
              "emptyDir",
              Message.named("EmptyDirVolumeSource")
                  .string(1, "medium")
                  .messagePtr(2, "sizeLimit", QUANTITY))
          .messagePtr(
              6,
              "secret",
              Message.named("SecretVolumeSource")
                  .string(1, "secretName")
                  .messages(2, "items", KEY_TO_PATH)
                  .int32Ptr(3, "defaultMode")
                  .boolPtr(4, "optional"))
          .messagePtr(
              10,
              "persistentVolumeClaim",
              Message.named("PersistentVolumeClaimVolumeSource")
                  .string(1, "claimName")
                  .always()
                  .bool(2, "readOnly"))
          .messagePtr(
              19,
              "configMap",
              Message.named("ConfigMapVolumeSource")
                  .inline(1, LOCAL_OBJECT_REFERENCE)
                  .messages(2, "items", KEY_TO_PATH)
                  .int32Ptr(3, "defaultMode")
                  .boolPtr(4, "optional"));

  static final Message VOLUME =
      Message.named("Volume").string(1, "name").always().inline(2, VOLUME_SOURCE);

  static final Message TOLERATION =
      Message.named("Toleration")
          .string(1, "key")
          .string(2, "operator")
          .string(3, "value")
          .string(4, "effect")
          .int64Ptr(5, "tolerationSeconds");

  static final Message HOST_ALIAS =
      Message.named("HostAlias").string(1, "ip").strings(2, "hostnames");

  static final Message POD_DNS_CONFIG =
      Message.named("PodDNSConfig")
          .strings(1, "nameservers")
          .strings(2, "searches")
          .messages(
              3,
              "options",
              Message.named("PodDNSConfigOption").string(1, "name").stringPtr(2, "value"));

  static final Message POD_SECURITY_CONTEXT =
      Message.named("PodSecurityContext")
          .int64Ptr(2, "runAsUser")
          .int64Ptr(6, "runAsGroup")
          .boolPtr(3, "runAsNonRoot")
          .int64s(4, "supplementalGroups")
          .int64Ptr(5, "fsGroup")
          .messages(
              7,
              "sysctls",
              Message.named("Sysctl").string(1, "name").always().string(2, "value").always())
          .stringPtr(9, "fsGroupChangePolicy")
          .messagePtr(10, "seccompProfile", SECCOMP_PROFILE);

  static final Message TOPOLOGY_SPREAD_CONSTRAINT =
      Message.named("TopologySpreadConstraint")
          .int32(1, "maxSkew")
          .always()
          .string(2, "topologyKey")
          .always()
          .string(3, "whenUnsatisfiable")
          .always()
          .messagePtr(4, "labelSelector", LABEL_SELECTOR);

  static final Message POD_SPEC =
      Message.named("PodSpec")
          .messages(1, "volumes", VOLUME)
          .messages(20, "initContainers", CONTAINER)
          .messages(2, "containers", CONTAINER)
          .string(3, "restartPolicy")
          .int64Ptr(4, "terminationGracePeriodSeconds")
          .int64Ptr(5, "activeDeadlineSeconds")
          .string(6, "dnsPolicy")
          .stringMap(7, "nodeSelector")
          .string(8, "serviceAccountName")
          .string(9, "serviceAccount")
          .boolPtr(21, "automountServiceAccountToken")
          .string(10, "nodeName")
          .bool(11, "hostNetwork")
          .bool(12, "hostPID")
          .bool(13, "hostIPC")
          .boolPtr(27, "shareProcessNamespace")
          .messagePtr(14, "securityContext", POD_SECURITY_CONTEXT)
          .messages(15, "imagePullSecrets", LOCAL_OBJECT_REFERENCE)
          .string(16, "hostname")
          .string(17, "subdomain")
          .messagePtr(18, "affinity", AffinitySchema.AFFINITY)
          .string(19, "schedulerName")
          .messages(22, "tolerations", TOLERATION)
          .messages(23, "hostAliases", HOST_ALIAS)
          .string(24, "priorityClassName")
          .int32Ptr(25, "priority")
          .messagePtr(26, "dnsConfig", POD_DNS_CONFIG)
          .messages(
              28,
              "readinessGates",
              Message.named("PodReadinessGate").string(1, "conditionType").always())
          .stringPtr(29, "runtimeClassName")
          .boolPtr(30, "enableServiceLinks")
          .stringPtr(31, "preemptionPolicy")
          .messages(33, "topologySpreadConstraints", TOPOLOGY_SPREAD_CONSTRAINT)
          .boolPtr(35, "setHostnameAsFQDN")
          .messagePtr(36, "os", Message.named("PodOS").string(1, "name").always())
          .boolPtr(37, "hostUsers")
          .messages(
              38, "schedulingGates", Message.named("PodSchedulingGate").string(1, "name").always());

  static final Message POD_TEMPLATE_SPEC =
      Message.named("PodTemplateSpec")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", POD_SPEC);

  static final Message POD =
      Message.named("Pod")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", POD_SPEC)
          .message(3, "status", PodStatusSchema.POD_STATUS);
}
