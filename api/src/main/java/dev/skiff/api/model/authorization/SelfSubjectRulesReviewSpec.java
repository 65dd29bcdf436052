package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;

/** authorization/v1 SelfSubjectRulesReviewSpec. */
public class SelfSubjectRulesReviewSpec extends Extensible {
  public String namespace;
}
