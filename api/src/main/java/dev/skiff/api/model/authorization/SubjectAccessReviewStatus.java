package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;

/** authorization/v1 SubjectAccessReviewStatus. */
public class SubjectAccessReviewStatus extends Extensible {
  public boolean allowed;
  public Boolean denied;
  public String reason;
  public String evaluationError;
}
