package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.KubeObject;

/** authorization.k8s.io/v1 SelfSubjectAccessReview: may the caller perform one action? */
public class SelfSubjectAccessReview extends KubeObject {
  public static final String API_VERSION = "authorization.k8s.io/v1";
  public static final String KIND = "SelfSubjectAccessReview";

  public SelfSubjectAccessReviewSpec spec;
  public SubjectAccessReviewStatus status;

  public SelfSubjectAccessReview() {
    super(API_VERSION, KIND);
  }
}
