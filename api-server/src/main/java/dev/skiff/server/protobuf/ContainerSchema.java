package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.INT_OR_STRING;
import static dev.skiff.server.protobuf.MetaSchema.QUANTITY;

/** core/v1 Container and what it holds: ports, env, resources, probes, lifecycle, security. */
final class ContainerSchema {
  private ContainerSchema() {}

  static final Message LOCAL_OBJECT_REFERENCE =
      Message.named("LocalObjectReference").string(1, "name");

  static final Message CONTAINER_PORT =
      Message.named("ContainerPort")
          .string(1, "name")
          .int32(2, "hostPort")
          .int32(3, "containerPort")
          .always()
          .string(4, "protocol")
          .string(5, "hostIP");

  static final Message OBJECT_FIELD_SELECTOR =
      Message.named("ObjectFieldSelector").string(1, "apiVersion").string(2, "fieldPath").always();

  static final Message RESOURCE_FIELD_SELECTOR =
      Message.named("ResourceFieldSelector")
          .string(1, "containerName")
          .string(2, "resource")
          .always()
          .message(3, "divisor", QUANTITY);

  /** ConfigMapKeySelector and SecretKeySelector share this shape. */
  static final Message KEY_SELECTOR =
      Message.named("KeySelector")
          .inline(1, LOCAL_OBJECT_REFERENCE)
          .string(2, "key")
          .always()
          .boolPtr(3, "optional");

  static final Message ENV_VAR_SOURCE =
      Message.named("EnvVarSource")
          .messagePtr(1, "fieldRef", OBJECT_FIELD_SELECTOR)
          .messagePtr(2, "resourceFieldRef", RESOURCE_FIELD_SELECTOR)
          .messagePtr(3, "configMapKeyRef", KEY_SELECTOR)
          .messagePtr(4, "secretKeyRef", KEY_SELECTOR);

  static final Message ENV_VAR =
      Message.named("EnvVar")
          .string(1, "name")
          .always()
          .string(2, "value")
          .messagePtr(3, "valueFrom", ENV_VAR_SOURCE);

  /** ConfigMapEnvSource and SecretEnvSource share this shape. */
  static final Message ENV_SOURCE =
      Message.named("EnvSource").inline(1, LOCAL_OBJECT_REFERENCE).boolPtr(2, "optional");

  static final Message ENV_FROM_SOURCE =
      Message.named("EnvFromSource")
          .string(1, "prefix")
          .messagePtr(2, "configMapRef", ENV_SOURCE)
          .messagePtr(3, "secretRef", ENV_SOURCE);

  static final Message RESOURCE_REQUIREMENTS =
      Message.named("ResourceRequirements")
          .messageMap(1, "limits", QUANTITY)
          .messageMap(2, "requests", QUANTITY);

  static final Message EXEC_ACTION = Message.named("ExecAction").strings(1, "command");

  static final Message HTTP_HEADER =
      Message.named("HTTPHeader").string(1, "name").always().string(2, "value").always();

  static final Message HTTP_GET_ACTION =
      Message.named("HTTPGetAction")
          .string(1, "path")
          .message(2, "port", INT_OR_STRING)
          .always()
          .string(3, "host")
          .string(4, "scheme")
          .messages(5, "httpHeaders", HTTP_HEADER);

  static final Message TCP_SOCKET_ACTION =
      Message.named("TCPSocketAction").message(1, "port", INT_OR_STRING).always().string(2, "host");

  static final Message GRPC_ACTION =
      Message.named("GRPCAction").int32(1, "port").always().stringPtr(2, "service");

  static final Message PROBE_HANDLER =
      Message.named("ProbeHandler")
          .messagePtr(1, "exec", EXEC_ACTION)
          .messagePtr(2, "httpGet", HTTP_GET_ACTION)
          .messagePtr(3, "tcpSocket", TCP_SOCKET_ACTION)
          .messagePtr(4, "grpc", GRPC_ACTION);

  static final Message PROBE =
      Message.named("Probe")
          .inline(1, PROBE_HANDLER)
          .int32(2, "initialDelaySeconds")
          .int32(3, "timeoutSeconds")
          .int32(4, "periodSeconds")
          .int32(5, "successThreshold")
          .int32(6, "failureThreshold")
          .int64Ptr(7, "terminationGracePeriodSeconds");

  static final Message SLEEP_ACTION = Message.named("SleepAction").int64(1, "seconds").always();

  static final Message LIFECYCLE_HANDLER =
      Message.named("LifecycleHandler")
          .messagePtr(1, "exec", EXEC_ACTION)
          .messagePtr(2, "httpGet", HTTP_GET_ACTION)
          .messagePtr(3, "tcpSocket", TCP_SOCKET_ACTION)
          .messagePtr(4, "sleep", SLEEP_ACTION);

  static final Message LIFECYCLE =
      Message.named("Lifecycle")
          .messagePtr(1, "postStart", LIFECYCLE_HANDLER)
          .messagePtr(2, "preStop", LIFECYCLE_HANDLER);

  static final Message VOLUME_MOUNT =
      Message.named("VolumeMount")
          .string(1, "name")
          .always()
          .bool(2, "readOnly")
          .string(3, "mountPath")
          .always()
          .string(4, "subPath")
          .stringPtr(5, "mountPropagation")
          .string(6, "subPathExpr");

  static final Message CAPABILITIES =
      Message.named("Capabilities").strings(1, "add").strings(2, "drop");

  static final Message SECCOMP_PROFILE =
      Message.named("SeccompProfile").string(1, "type").always().stringPtr(2, "localhostProfile");

  static final Message SECURITY_CONTEXT =
      Message.named("SecurityContext")
          .messagePtr(1, "capabilities", CAPABILITIES)
          .boolPtr(2, "privileged")
          .int64Ptr(4, "runAsUser")
          .int64Ptr(8, "runAsGroup")
          .boolPtr(5, "runAsNonRoot")
          .boolPtr(6, "readOnlyRootFilesystem")
          .boolPtr(7, "allowPrivilegeEscalation")
          .stringPtr(9, "procMount")
          .messagePtr(11, "seccompProfile", SECCOMP_PROFILE);

  static final Message CONTAINER =
      Message.named("Container")
          .string(1, "name")
          .always()
          .string(2, "image")
          .strings(3, "command")
          .strings(4, "args")
          .string(5, "workingDir")
          .messages(6, "ports", CONTAINER_PORT)
          .messages(19, "envFrom", ENV_FROM_SOURCE)
          .messages(7, "env", ENV_VAR)
          .message(8, "resources", RESOURCE_REQUIREMENTS)
          .messages(9, "volumeMounts", VOLUME_MOUNT)
          .messagePtr(10, "livenessProbe", PROBE)
          .messagePtr(11, "readinessProbe", PROBE)
          .messagePtr(22, "startupProbe", PROBE)
          .messagePtr(12, "lifecycle", LIFECYCLE)
          .string(13, "terminationMessagePath")
          .string(20, "terminationMessagePolicy")
          .string(14, "imagePullPolicy")
          .messagePtr(15, "securityContext", SECURITY_CONTEXT)
          .bool(16, "stdin")
          .bool(17, "stdinOnce")
          .bool(18, "tty")
          .stringPtr(24, "restartPolicy");
}
