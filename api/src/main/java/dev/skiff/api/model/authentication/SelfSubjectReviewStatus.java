package dev.skiff.api.model.authentication;

import dev.skiff.api.model.meta.Extensible;

/** authentication/v1 SelfSubjectReviewStatus. */
public class SelfSubjectReviewStatus extends Extensible {
  public UserInfo userInfo;
}
