package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.MetaSchema.LABEL_SELECTOR;

/** core/v1 Affinity: node affinity, pod affinity and anti-affinity terms. */
final class AffinitySchema {
  private AffinitySchema() {}

  static final Message NODE_SELECTOR_REQUIREMENT =
      Message.named("NodeSelectorRequirement")
          .string(1, "key")
          .always()
          .string(2, "operator")
          .always()
          .strings(3, "values");

  static final Message NODE_SELECTOR_TERM =
      Message.named("NodeSelectorTerm")
          .messages(1, "matchExpressions", NODE_SELECTOR_REQUIREMENT)
          .messages(2, "matchFields", NODE_SELECTOR_REQUIREMENT);

  static final Message NODE_SELECTOR =
      Message.named("NodeSelector").messages(1, "nodeSelectorTerms", NODE_SELECTOR_TERM);

  static final Message PREFERRED_SCHEDULING_TERM =
      Message.named("PreferredSchedulingTerm")
          .int32(1, "weight")
          .always()
          .message(2, "preference", NODE_SELECTOR_TERM)
          .always();

  static final Message NODE_AFFINITY =
      Message.named("NodeAffinity")
          .messagePtr(1, "requiredDuringSchedulingIgnoredDuringExecution", NODE_SELECTOR)
          .messages(
              2, "preferredDuringSchedulingIgnoredDuringExecution", PREFERRED_SCHEDULING_TERM);

  static final Message POD_AFFINITY_TERM =
      Message.named("PodAffinityTerm")
          .messagePtr(1, "labelSelector", LABEL_SELECTOR)
          .strings(2, "namespaces")
          .string(3, "topologyKey")
          .always()
          .messagePtr(4, "namespaceSelector", LABEL_SELECTOR);

  static final Message WEIGHTED_POD_AFFINITY_TERM =
      Message.named("WeightedPodAffinityTerm")
          .int32(1, "weight")
          .always()
          .message(2, "podAffinityTerm", POD_AFFINITY_TERM)
          .always();

  /** PodAffinity and PodAntiAffinity share this shape. */
  static final Message POD_AFFINITY =
      Message.named("PodAffinity")
          .messages(1, "requiredDuringSchedulingIgnoredDuringExecution", POD_AFFINITY_TERM)
          .messages(
              2, "preferredDuringSchedulingIgnoredDuringExecution", WEIGHTED_POD_AFFINITY_TERM);

  static final Message AFFINITY =
      Message.named("Affinity")
          .messagePtr(1, "nodeAffinity", NODE_AFFINITY)
          .messagePtr(2, "podAffinity", POD_AFFINITY)
          .messagePtr(3, "podAntiAffinity", POD_AFFINITY);
}
