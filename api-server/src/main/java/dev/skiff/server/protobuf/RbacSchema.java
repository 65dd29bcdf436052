package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.LABEL_SELECTOR;
import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;

/**
 * rbac/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding: the bodies of {@code kubectl
 * create role|clusterrole|rolebinding|clusterrolebinding}.
 */
final class RbacSchema {
  private RbacSchema() {}

  private static final Message POLICY_RULE =
      Message.named("PolicyRule")
          .strings(1, "verbs")
          .always()
          .strings(2, "apiGroups")
          .strings(3, "resources")
          .strings(4, "resourceNames")
          .strings(5, "nonResourceURLs");

  private static final Message SUBJECT =
      Message.named("Subject")
          .string(1, "kind")
          .always()
          .string(2, "apiGroup")
          .string(3, "name")
          .always()
          .string(4, "namespace");

  private static final Message ROLE_REF =
      Message.named("RoleRef")
          .string(1, "apiGroup")
          .always()
          .string(2, "kind")
          .always()
          .string(3, "name")
          .always();

  static final Message ROLE =
      Message.named("Role").message(1, "metadata", OBJECT_META).messages(2, "rules", POLICY_RULE);

  static final Message CLUSTER_ROLE =
      Message.named("ClusterRole")
          .message(1, "metadata", OBJECT_META)
          .messages(2, "rules", POLICY_RULE)
          .messagePtr(
              3,
              "aggregationRule",
              Message.named("AggregationRule").messages(1, "clusterRoleSelectors", LABEL_SELECTOR));

  static final Message ROLE_BINDING =
      Message.named("RoleBinding")
          .message(1, "metadata", OBJECT_META)
          .messages(2, "subjects", SUBJECT)
          .message(3, "roleRef", ROLE_REF);

  static final Message CLUSTER_ROLE_BINDING =
      Message.named("ClusterRoleBinding")
          .message(1, "metadata", OBJECT_META)
          .messages(2, "subjects", SUBJECT)
          .message(3, "roleRef", ROLE_REF);
}
