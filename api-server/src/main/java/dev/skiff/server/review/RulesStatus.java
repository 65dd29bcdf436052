package dev.skiff.server.review;

import dev.skiff.api.model.authorization.NonResourceRule;
import dev.skiff.api.model.authorization.ResourceRule;
import dev.skiff.api.model.authorization.SubjectRulesReviewStatus;
import dev.skiff.server.auth.Rules;
import java.util.ArrayList;

/** An authorizer's {@link Rules} as the wire status of a SelfSubjectRulesReview. */
final class RulesStatus {
  private RulesStatus() {}

  static SubjectRulesReviewStatus of(Rules rules) {
    SubjectRulesReviewStatus status = new SubjectRulesReviewStatus();
    status.resourceRules = new ArrayList<>();
    for (Rules.ResourceRule r : rules.resourceRules()) {
      ResourceRule wire = new ResourceRule();
      wire.verbs = r.verbs();
      wire.apiGroups = r.apiGroups();
      wire.resources = r.resources();
      wire.resourceNames = r.names().isEmpty() ? null : r.names();
      status.resourceRules.add(wire);
    }
    status.nonResourceRules = new ArrayList<>();
    for (Rules.NonResourceRule r : rules.nonResourceRules()) {
      NonResourceRule wire = new NonResourceRule();
      wire.verbs = r.verbs();
      wire.nonResourceURLs = r.urls();
      status.nonResourceRules.add(wire);
    }
    status.incomplete = rules.incomplete();
    return status;
  }
}
