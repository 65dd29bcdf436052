package dev.skiff.api.model.rbac;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/**
 * rbac/v1 PolicyRule: verbs on resources of API groups (optionally only some names), or verbs on
 * non-resource URLs. "*" matches everything in its list.
 */
@JsonPropertyOrder({"verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"})
public class PolicyRule extends Extensible {
  public List<String> verbs;
  public List<String> apiGroups;
  public List<String> resources;
  public List<String> resourceNames;
  public List<String> nonResourceURLs;

  public PolicyRule() {}

  /** A resource rule. */
  public static PolicyRule resources(
      List<String> verbs, List<String> apiGroups, List<String> resources) {
    PolicyRule r = new PolicyRule();
    r.verbs = verbs;
    r.apiGroups = apiGroups;
    r.resources = resources;
    return r;
  }

  /** A non-resource rule. */
  public static PolicyRule urls(List<String> verbs, List<String> urls) {
    PolicyRule r = new PolicyRule();
    r.verbs = verbs;
    r.nonResourceURLs = urls;
    return r;
  }
}
