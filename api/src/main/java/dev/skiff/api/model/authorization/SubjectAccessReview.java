package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.KubeObject;

/** authorization.k8s.io/v1 SubjectAccessReview: may a given user perform one action? */
public class SubjectAccessReview extends KubeObject {
  public static final String API_VERSION = "authorization.k8s.io/v1";
  public static final String KIND = "SubjectAccessReview";

  public SubjectAccessReviewSpec spec;
  public SubjectAccessReviewStatus status;

  public SubjectAccessReview() {
    super(API_VERSION, KIND);
  }
}
