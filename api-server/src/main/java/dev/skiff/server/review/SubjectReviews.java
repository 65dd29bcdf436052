package dev.skiff.server.review;

import dev.skiff.api.model.authorization.LocalSubjectAccessReview;
import dev.skiff.api.model.authorization.NonResourceAttributes;
import dev.skiff.api.model.authorization.ResourceAttributes;
import dev.skiff.api.model.authorization.SubjectAccessReview;
import dev.skiff.api.model.authorization.SubjectAccessReviewSpec;
import dev.skiff.api.model.authorization.SubjectAccessReviewStatus;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.status.StatusException;
import dev.skiff.api.validation.ErrorList;
import dev.skiff.api.validation.FieldPath;
import dev.skiff.server.auth.Attributes;
import dev.skiff.server.auth.Authorizer;
import dev.skiff.server.auth.Decision;
import dev.skiff.server.auth.User;
import java.util.List;
import java.util.Map;

/**
 * SubjectAccessReview and LocalSubjectAccessReview: may the user (and groups) of the spec perform
 * one action? Validated as kube-apiserver validates them (a user or a group, exactly one attribute
 * set, empty metadata; a local review's namespace is the URL's) and answered by the {@link
 * Authorizer}, with its reason.
 */
final class SubjectReviews {
  private static final String GROUP = "authorization.k8s.io";

  private SubjectReviews() {}

  static SubjectAccessReview subject(Authorizer authorizer, SubjectAccessReview review) {
    ErrorList errs = new ErrorList();
    spec(review.spec, errs);
    if (!emptyMeta(review.metadata, false)) {
      errs.invalid(FieldPath.root("metadata"), "", "must be empty");
    }
    throwIfInvalid(SubjectAccessReview.KIND, "subjectaccessreviews", errs);
    review.status = decide(authorizer, review.spec);
    return review;
  }

  static LocalSubjectAccessReview local(
      Authorizer authorizer, String namespace, LocalSubjectAccessReview review) {
    if (review.meta().namespace == null || review.meta().namespace.isEmpty()) {
      review.meta().namespace = namespace;
    }
    ErrorList errs = new ErrorList();
    SubjectAccessReviewSpec spec = review.spec;
    spec(spec, errs);
    if (!emptyMeta(review.metadata, true)) {
      errs.invalid(FieldPath.root("metadata"), "", "must be empty except for namespace");
    }
    if (spec != null
        && spec.resourceAttributes != null
        && !review.meta().namespace.equals(nonNull(spec.resourceAttributes.namespace))) {
      errs.invalid(
          FieldPath.root("spec.resourceAttributes.namespace"),
          nonNull(spec.resourceAttributes.namespace),
          "must match metadata.namespace");
    }
    if (spec != null && spec.nonResourceAttributes != null) {
      errs.invalid(
          FieldPath.root("spec.nonResourceAttributes"), "", "disallowed on this kind of request");
    }
    throwIfInvalid(LocalSubjectAccessReview.KIND, "localsubjectaccessreviews", errs);
    if (!namespace.equals(review.meta().namespace)) {
      throw StatusException.badRequest(
          "spec.resourceAttributes.namespace must match namespace: " + namespace);
    }
    review.status = decide(authorizer, review.spec);
    return review;
  }

  /** ValidateSubjectAccessReviewSpec. */
  private static void spec(SubjectAccessReviewSpec spec, ErrorList errs) {
    SubjectAccessReviewSpec s = spec == null ? new SubjectAccessReviewSpec() : spec;
    FieldPath path = FieldPath.root("spec");
    if (s.resourceAttributes != null && s.nonResourceAttributes != null) {
      errs.invalid(
          path.child("nonResourceAttributes"),
          "",
          "cannot be specified in combination with resourceAttributes");
    }
    if (s.resourceAttributes == null && s.nonResourceAttributes == null) {
      errs.invalid(
          path.child("resourceAttributes"),
          null,
          "exactly one of nonResourceAttributes or resourceAttributes must be specified");
    }
    if (nonNull(s.user).isEmpty() && (s.groups == null || s.groups.isEmpty())) {
      errs.invalid(
          path.child("user"), nonNull(s.user), "at least one of user or group must be specified");
    }
  }

  private static SubjectAccessReviewStatus decide(
      Authorizer authorizer, SubjectAccessReviewSpec s) {
    User user =
        new User(
            nonNull(s.user),
            nonNull(s.uid),
            s.groups == null ? List.of() : s.groups,
            s.extra == null ? Map.of() : s.extra);
    Decision decision = authorizer.authorize(user, attributes(s));
    SubjectAccessReviewStatus status = new SubjectAccessReviewStatus();
    status.allowed = decision.allowed();
    status.reason = decision.reason().isEmpty() ? null : decision.reason();
    return status;
  }

  private static Attributes attributes(SubjectAccessReviewSpec s) {
    NonResourceAttributes n = s.nonResourceAttributes;
    if (n != null) {
      return Attributes.nonResource(n.verb, n.path);
    }
    ResourceAttributes r = s.resourceAttributes;
    return Attributes.resource(r.verb, r.group, r.resource, r.subresource, r.namespace, r.name);
  }

  /**
   * Empty apart from what clients send anyway (creationTimestamp: null) and, if allowed, namespace.
   */
  private static boolean emptyMeta(ObjectMeta meta, boolean namespaceAllowed) {
    if (meta == null) {
      return true;
    }
    return nonNull(meta.name).isEmpty()
        && nonNull(meta.generateName).isEmpty()
        && (namespaceAllowed || nonNull(meta.namespace).isEmpty())
        && (meta.labels == null || meta.labels.isEmpty())
        && (meta.annotations == null || meta.annotations.isEmpty())
        && nonNull(meta.uid).isEmpty()
        && nonNull(meta.resourceVersion).isEmpty();
  }

  private static void throwIfInvalid(String kind, String resource, ErrorList errs) {
    if (!errs.isEmpty()) {
      throw StatusException.invalid(GROUP, kind, resource, "", errs.causes());
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
