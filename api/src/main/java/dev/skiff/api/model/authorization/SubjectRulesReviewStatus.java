package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** authorization/v1 SubjectRulesReviewStatus. */
public class SubjectRulesReviewStatus extends Extensible {
  public List<ResourceRule> resourceRules;
  public List<NonResourceRule> nonResourceRules;
  public boolean incomplete;
  public String evaluationError;
}
