package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.CONDITION;
import static dev.skiff.server.protobuf.MetaSchema.INT_OR_STRING;
import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;

/** core/v1 Service, its spec, ports and load-balancer status. */
final class ServiceSchema {
  private ServiceSchema() {}

  static final Message SERVICE_PORT =
      Message.named("ServicePort")
          .string(1, "name")
          .string(2, "protocol")
          .stringPtr(6, "appProtocol")
          .int32(3, "port")
          .always()
          .message(4, "targetPort", INT_OR_STRING)
          .int32(5, "nodePort");

  static final Message SESSION_AFFINITY_CONFIG =
      Message.named("SessionAffinityConfig")
          .messagePtr(1, "clientIP", Message.named("ClientIPConfig").int32Ptr(1, "timeoutSeconds"));

  static final Message SERVICE_SPEC =
      Message.named("ServiceSpec")
          .messages(1, "ports", SERVICE_PORT)
          .stringMap(2, "selector")
          .string(3, "clusterIP")
          .strings(18, "clusterIPs")
          .string(4, "type")
          .strings(5, "externalIPs")
          .string(7, "sessionAffinity")
          .string(8, "loadBalancerIP")
          .strings(9, "loadBalancerSourceRanges")
          .string(10, "externalName")
          .string(11, "externalTrafficPolicy")
          .int32(12, "healthCheckNodePort")
          .bool(13, "publishNotReadyAddresses")
          .messagePtr(14, "sessionAffinityConfig", SESSION_AFFINITY_CONFIG)
          .strings(19, "ipFamilies")
          .stringPtr(17, "ipFamilyPolicy")
          .boolPtr(20, "allocateLoadBalancerNodePorts")
          .stringPtr(21, "loadBalancerClass")
          .stringPtr(22, "internalTrafficPolicy")
          .stringPtr(23, "trafficDistribution");

  static final Message PORT_STATUS =
      Message.named("PortStatus")
          .int32(1, "port")
          .always()
          .string(2, "protocol")
          .always()
          .stringPtr(3, "error");

  static final Message LOAD_BALANCER_INGRESS =
      Message.named("LoadBalancerIngress")
          .string(1, "ip")
          .string(2, "hostname")
          .stringPtr(3, "ipMode")
          .messages(4, "ports", PORT_STATUS);

  static final Message SERVICE_STATUS =
      Message.named("ServiceStatus")
          .message(
              1,
              "loadBalancer",
              Message.named("LoadBalancerStatus").messages(1, "ingress", LOAD_BALANCER_INGRESS))
          .messages(2, "conditions", CONDITION);

  static final Message SERVICE =
      Message.named("Service")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", SERVICE_SPEC)
          .message(3, "status", SERVICE_STATUS);
}
