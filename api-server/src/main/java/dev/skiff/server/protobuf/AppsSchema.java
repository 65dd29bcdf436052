package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.INT_OR_STRING;
import static dev.skiff.server.protobuf.MetaSchema.LABEL_SELECTOR;
import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;
import static dev.skiff.server.protobuf.MetaSchema.TIME;
import static dev.skiff.server.protobuf.PodSchema.POD_TEMPLATE_SPEC;

/** apps/v1 Deployment and ReplicaSet with their specs, strategies and status. */
final class AppsSchema {
  private AppsSchema() {}

  static final Message ROLLING_UPDATE_DEPLOYMENT =
      Message.named("RollingUpdateDeployment")
          .messagePtr(1, "maxUnavailable", INT_OR_STRING)
          .messagePtr(2, "maxSurge", INT_OR_STRING);

  static final Message DEPLOYMENT_STRATEGY =
      Message.named("DeploymentStrategy")
          .string(1, "type")
          .messagePtr(2, "rollingUpdate", ROLLING_UPDATE_DEPLOYMENT);

  static final Message DEPLOYMENT_SPEC =
      Message.named("DeploymentSpec")
          .int32Ptr(1, "replicas")
          .messagePtr(2, "selector", LABEL_SELECTOR)
          .message(3, "template", POD_TEMPLATE_SPEC)
          .message(4, "strategy", DEPLOYMENT_STRATEGY)
          .int32(5, "minReadySeconds")
          .int32Ptr(6, "revisionHistoryLimit")
          .bool(7, "paused")
          .int32Ptr(9, "progressDeadlineSeconds");

  static final Message DEPLOYMENT_CONDITION =
      Message.named("DeploymentCondition")
          .string(1, "type")
          .always()
          .string(2, "status")
          .always()
          .message(6, "lastUpdateTime", TIME)
          .message(7, "lastTransitionTime", TIME)
          .string(4, "reason")
          .string(5, "message");

  static final Message DEPLOYMENT_STATUS =
      Message.named("DeploymentStatus")
          .int64(1, "observedGeneration")
          .int32(2, "replicas")
          .int32(3, "updatedReplicas")
          .int32(7, "readyReplicas")
          .int32(4, "availableReplicas")
          .int32(5, "unavailableReplicas")
          .messages(6, "conditions", DEPLOYMENT_CONDITION)
          .int32Ptr(8, "collisionCount");

  static final Message DEPLOYMENT =
      Message.named("Deployment")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", DEPLOYMENT_SPEC)
          .message(3, "status", DEPLOYMENT_STATUS);

  static final Message REPLICA_SET_SPEC =
      Message.named("ReplicaSetSpec")
          .int32Ptr(1, "replicas")
          .int32(4, "minReadySeconds")
          .messagePtr(2, "selector", LABEL_SELECTOR)
          .message(3, "template", POD_TEMPLATE_SPEC);

  static final Message REPLICA_SET_STATUS =
      Message.named("ReplicaSetStatus")
          .int32(1, "replicas")
          .always()
          .int32(2, "fullyLabeledReplicas")
          .int32(4, "readyReplicas")
          .int32(5, "availableReplicas")
          .int64(3, "observedGeneration")
          .messages(
              6,
              "conditions",
              Message.named("ReplicaSetCondition")
                  .string(1, "type")
                  .always()
                  .string(2, "status")
                  .always()
                  .message(3, "lastTransitionTime", TIME)
                  .string(4, "reason")
                  .string(5, "message"));

  static final Message REPLICA_SET =
      Message.named("ReplicaSet")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", REPLICA_SET_SPEC)
          .message(3, "status", REPLICA_SET_STATUS);
}
