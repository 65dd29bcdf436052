package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;

/** authorization/v1 SelfSubjectAccessReviewSpec: exactly one of the two attribute sets. */
public class SelfSubjectAccessReviewSpec extends Extensible {
  public ResourceAttributes resourceAttributes;
  public NonResourceAttributes nonResourceAttributes;
}
