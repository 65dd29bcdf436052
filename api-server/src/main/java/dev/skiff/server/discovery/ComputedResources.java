package dev.skiff.server.discovery;

import dev.skiff.api.model.authentication.SelfSubjectReview;
import dev.skiff.api.model.authorization.LocalSubjectAccessReview;
import dev.skiff.api.model.authorization.SelfSubjectAccessReview;
import dev.skiff.api.model.authorization.SelfSubjectRulesReview;
import dev.skiff.api.model.authorization.SubjectAccessReview;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.metrics.NodeMetrics;
import dev.skiff.api.model.metrics.PodMetrics;
import dev.skiff.api.resource.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kinds the API serves from handlers of their own rather than the store, so they are not in {@link
 * dev.skiff.api.resource.Resources}: the self-subject reviews (create only) and the metrics API
 * (get and list), and the SubjectAccessReviews (create only). Discovery and OpenAPI list them with
 * the stored kinds.
 */
public final class ComputedResources {
  public static final ResourceType SELF_SUBJECT_REVIEWS =
      review("authentication.k8s.io", SelfSubjectReview.KIND, SelfSubjectReview.class);
  public static final ResourceType SELF_SUBJECT_ACCESS_REVIEWS =
      review("authorization.k8s.io", SelfSubjectAccessReview.KIND, SelfSubjectAccessReview.class);
  public static final ResourceType SELF_SUBJECT_RULES_REVIEWS =
      review("authorization.k8s.io", SelfSubjectRulesReview.KIND, SelfSubjectRulesReview.class);
  public static final ResourceType SUBJECT_ACCESS_REVIEWS =
      review("authorization.k8s.io", SubjectAccessReview.KIND, SubjectAccessReview.class);
  public static final ResourceType LOCAL_SUBJECT_ACCESS_REVIEWS =
      ResourceType.plain(
          "authorization.k8s.io",
          LocalSubjectAccessReview.KIND,
          true,
          LocalSubjectAccessReview.class);
  public static final ResourceType NODE_METRICS =
      new ResourceType(
          "metrics.k8s.io",
          "v1beta1",
          NodeMetrics.KIND,
          "nodes",
          "",
          false,
          List.of(),
          List.of(),
          NodeMetrics.class,
          false,
          false,
          Set.of(),
          Set.of());
  public static final ResourceType POD_METRICS =
      new ResourceType(
          "metrics.k8s.io",
          "v1beta1",
          PodMetrics.KIND,
          "pods",
          "",
          true,
          List.of(),
          List.of(),
          PodMetrics.class,
          false,
          false,
          Set.of(),
          Set.of());

  public static final List<ResourceType> ALL =
      List.of(
          SELF_SUBJECT_REVIEWS,
          SELF_SUBJECT_ACCESS_REVIEWS,
          SELF_SUBJECT_RULES_REVIEWS,
          SUBJECT_ACCESS_REVIEWS,
          LOCAL_SUBJECT_ACCESS_REVIEWS,
          NODE_METRICS,
          POD_METRICS);

  private static final Map<ResourceType, List<String>> VERBS =
      Map.of(
          SELF_SUBJECT_REVIEWS, Verbs.CREATE,
          SELF_SUBJECT_ACCESS_REVIEWS, Verbs.CREATE,
          SELF_SUBJECT_RULES_REVIEWS, Verbs.CREATE,
          SUBJECT_ACCESS_REVIEWS, Verbs.CREATE,
          LOCAL_SUBJECT_ACCESS_REVIEWS, Verbs.CREATE,
          NODE_METRICS, List.of("get", "list"),
          POD_METRICS, List.of("get", "list"));

  private ComputedResources() {}

  /** The verbs of a computed kind; null for a stored one. */
  static List<String> verbs(ResourceType type) {
    return VERBS.get(type);
  }

  /** A cluster-scoped v1 review kind: "selfsubjectreviews" for SelfSubjectReview. */
  private static ResourceType review(String group, String kind, Class<? extends KubeObject> c) {
    return ResourceType.plain(group, kind, false, c);
  }
}
