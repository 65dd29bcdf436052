package dev.skiff.api.model.authentication;

import dev.skiff.api.model.meta.KubeObject;

/** authentication.k8s.io/v1 SelfSubjectReview: the server's view of the caller's identity. */
public class SelfSubjectReview extends KubeObject {
  public static final String API_VERSION = "authentication.k8s.io/v1";
  public static final String KIND = "SelfSubjectReview";

  public SelfSubjectReviewStatus status;

  public SelfSubjectReview() {
    super(API_VERSION, KIND);
  }
}
