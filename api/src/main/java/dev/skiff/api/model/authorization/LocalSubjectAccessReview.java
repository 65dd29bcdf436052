package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.KubeObject;

/**
 * authorization.k8s.io/v1 LocalSubjectAccessReview: a SubjectAccessReview limited to one namespace
 * (namespace admins may ask it).
 */
public class LocalSubjectAccessReview extends KubeObject {
  public static final String API_VERSION = SubjectAccessReview.API_VERSION;
  public static final String KIND = "LocalSubjectAccessReview";

  public SubjectAccessReviewSpec spec;
  public SubjectAccessReviewStatus status;

  public LocalSubjectAccessReview() {
    super(API_VERSION, KIND);
  }
}
