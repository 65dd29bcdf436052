package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.KubeObject;

/** authorization.k8s.io/v1 SelfSubjectRulesReview: what the caller may do in a namespace. */
public class SelfSubjectRulesReview extends KubeObject {
  public static final String API_VERSION = "authorization.k8s.io/v1";
  public static final String KIND = "SelfSubjectRulesReview";

  public SelfSubjectRulesReviewSpec spec;
  public SubjectRulesReviewStatus status;

  public SelfSubjectRulesReview() {
    super(API_VERSION, KIND);
  }
}
