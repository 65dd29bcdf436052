package dev.skiff.server.auth;

import java.util.List;

/**
 * What a user may do in one namespace, as a SelfSubjectRulesReview reports it.
 *
 * @param incomplete whether the authorizer could not list everything it would allow
 */
public record Rules(
    List<ResourceRule> resourceRules, List<NonResourceRule> nonResourceRules, boolean incomplete) {
  /** Verbs on resources of groups, optionally limited to names. */
  public record ResourceRule(
      List<String> verbs, List<String> apiGroups, List<String> resources, List<String> names) {}

  /** Verbs on non-resource URLs ("/healthz", "/api/*"). */
  public record NonResourceRule(List<String> verbs, List<String> urls) {}
}
