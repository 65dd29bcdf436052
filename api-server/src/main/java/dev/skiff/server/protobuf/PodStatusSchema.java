package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.TIME;

/** core/v1 PodStatus: phase, conditions, IPs and container statuses (what node agents write). */
final class PodStatusSchema {
  private PodStatusSchema() {}

  static final Message POD_CONDITION =
      Message.named("PodCondition")
          .string(1, "type")
          .always()
          .string(2, "status")
          .always()
          .message(3, "lastProbeTime", TIME)
          .message(4, "lastTransitionTime", TIME)
          .string(5, "reason")
          .string(6, "message");

  static final Message IP = Message.named("PodIP").string(1, "ip").always();

  static final Message CONTAINER_STATE =
      Message.named("ContainerState")
          .messagePtr(
              1,
              "waiting",
              Message.named("ContainerStateWaiting").string(1, "reason").string(2, "message"))
          .messagePtr(
              2, "running", Message.named("ContainerStateRunning").message(1, "startedAt", TIME))
          .messagePtr(
              3,
              "terminated",
              Message.named("ContainerStateTerminated")
                  .int32(1, "exitCode")
                  .always()
                  .int32(2, "signal")
                  .string(3, "reason")
                  .string(4, "message")
                  .message(5, "startedAt", TIME)
                  .message(6, "finishedAt", TIME)
                  .string(7, "containerID"));

  static final Message CONTAINER_STATUS =
      Message.named("ContainerStatus")
          .string(1, "name")
          .always()
          .message(2, "state", CONTAINER_STATE)
          .message(3, "lastState", CONTAINER_STATE)
          .bool(4, "ready")
          .always()
          .int32(5, "restartCount")
          .always()
          .string(6, "image")
          .always()
          .string(7, "imageID")
          .always()
          .string(8, "containerID")
          .boolPtr(9, "started");

  static final Message POD_STATUS =
      Message.named("PodStatus")
          .int64(17, "observedGeneration")
          .string(1, "phase")
          .messages(2, "conditions", POD_CONDITION)
          .string(3, "message")
          .string(4, "reason")
          .string(11, "nominatedNodeName")
          .string(5, "hostIP")
          .messages(16, "hostIPs", IP)
          .string(6, "podIP")
          .messages(12, "podIPs", IP)
          .message(7, "startTime", TIME)
          .messages(10, "initContainerStatuses", CONTAINER_STATUS)
          .messages(8, "containerStatuses", CONTAINER_STATUS)
          .string(9, "qosClass");
}
