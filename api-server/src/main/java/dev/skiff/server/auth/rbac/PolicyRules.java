package dev.skiff.server.auth.rbac;

import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.status.GoText;
import dev.skiff.server.auth.Attributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@link PolicyRule} means, as Kubernetes' RBAC evaluates it: whether a rule allows a
 * request (RuleAllows), whether one set of rules covers another (Covers, for escalation checks),
 * and the compact text of rules an escalation message lists. Pure functions.
 */
public final class PolicyRules {
  public static final String ALL = "*";

  private PolicyRules() {}

  /** RuleAllows: verb, group, resource (with subresource) and name, or verb and URL. */
  public static boolean allows(Attributes a, PolicyRule rule) {
    if (!matches(rule.verbs, a.verb())) {
      return false;
    }
    if (!a.resourceRequest()) {
      return urlMatches(rule.nonResourceURLs, a.path());
    }
    String combined =
        a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    return matches(rule.apiGroups, a.group())
        && resourceMatches(rule.resources, combined, a.subresource())
        && (empty(rule.resourceNames) || rule.resourceNames.contains(a.name()));
  }

  private static boolean matches(List<String> values, String requested) {
    return values != null && (values.contains(ALL) || values.contains(requested));
  }

  private static boolean resourceMatches(
      List<String> resources, String combined, String subresource) {
    if (resources == null) {
      return false;
    }
    for (String r : resources) {
      if (r.equals(ALL) || r.equals(combined)) {
        return true;
      }
      if (!subresource.isEmpty() && r.equals("*/" + subresource)) {
        return true;
      }
    }
    return false;
  }

  private static boolean urlMatches(List<String> urls, String path) {
    if (urls == null) {
      return false;
    }
    for (String url : urls) {
      if (urlCovers(url, path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean urlCovers(String owner, String path) {
    return owner.equals(ALL)
        || owner.equals(path)
        || (owner.endsWith("*") && path.startsWith(owner.substring(0, owner.length() - 1)));
  }

  /**
   * Covers: the atomic rules (one group, resource, verb and name, or one URL and verb) of {@code
   * servant} that no rule of {@code owner} covers; empty when the owner holds every one.
   */
  public static List<PolicyRule> uncovered(List<PolicyRule> owner, List<PolicyRule> servant) {
    List<PolicyRule> missing = new ArrayList<>();
    for (PolicyRule rule : servant) {
      for (PolicyRule atom : breakdown(rule)) {
        if (owner.stream().noneMatch(o -> covers(o, atom))) {
          missing.add(atom);
        }
      }
    }
    return missing;
  }

  /** BreakdownRule. */
  static List<PolicyRule> breakdown(PolicyRule rule) {
    List<PolicyRule> atoms = new ArrayList<>();
    for (String group : list(rule.apiGroups)) {
      for (String resource : list(rule.resources)) {
        for (String verb : list(rule.verbs)) {
          if (empty(rule.resourceNames)) {
            atoms.add(PolicyRule.resources(List.of(verb), List.of(group), List.of(resource)));
          } else {
            for (String name : rule.resourceNames) {
              PolicyRule atom =
                  PolicyRule.resources(List.of(verb), List.of(group), List.of(resource));
              atom.resourceNames = List.of(name);
              atoms.add(atom);
            }
          }
        }
      }
    }
    for (String url : list(rule.nonResourceURLs)) {
      for (String verb : list(rule.verbs)) {
        atoms.add(PolicyRule.urls(List.of(verb), List.of(url)));
      }
    }
    return atoms;
  }

  /** ruleCovers: whether {@code owner} covers an atomic rule. */
  private static boolean covers(PolicyRule owner, PolicyRule atom) {
    boolean verbs =
        list(owner.verbs).contains(ALL) || list(owner.verbs).containsAll(list(atom.verbs));
    boolean groups =
        list(owner.apiGroups).contains(ALL)
            || list(owner.apiGroups).containsAll(list(atom.apiGroups));
    boolean resources = resourcesCover(list(owner.resources), list(atom.resources));
    boolean urls =
        list(atom.nonResourceURLs).stream()
            .allMatch(p -> list(owner.nonResourceURLs).stream().anyMatch(o -> urlCovers(o, p)));
    boolean names =
        empty(atom.resourceNames)
            ? empty(owner.resourceNames)
            : empty(owner.resourceNames) || owner.resourceNames.containsAll(atom.resourceNames);
    return verbs && groups && resources && urls && names;
  }

  private static boolean resourcesCover(List<String> owner, List<String> wanted) {
    if (owner.contains(ALL) || owner.containsAll(wanted)) {
      return true;
    }
    for (String path : wanted) {
      if (owner.contains(path)) {
        continue;
      }
      int slash = path.indexOf('/');
      if (slash < 0 || !owner.contains("*/" + path.substring(slash + 1))) {
        return false;
      }
    }
    return true;
  }

  /**
   * CompactRules then CompactString, sorted: the lines of an escalation message. Rules of one group
   * and one resource (and at most one name) that differ only in verbs are merged.
   */
  public static List<String> describe(List<PolicyRule> rules) {
    Map<String, PolicyRule> simple = new LinkedHashMap<>();
    List<PolicyRule> compacted = new ArrayList<>();
    for (PolicyRule r : rules) {
      boolean isSimple =
          list(r.resourceNames).size() <= 1
              && empty(r.nonResourceURLs)
              && list(r.apiGroups).size() == 1
              && list(r.resources).size() == 1;
      if (!isSimple) {
        compacted.add(r);
        continue;
      }
      String key =
          r.apiGroups.get(0) + "\u0000" + r.resources.get(0) + "\u0000" + list(r.resourceNames);
      PolicyRule existing = simple.get(key);
      if (existing == null) {
        PolicyRule copy =
            PolicyRule.resources(new ArrayList<>(list(r.verbs)), r.apiGroups, r.resources);
        copy.resourceNames = r.resourceNames;
        simple.put(key, copy);
      } else {
        existing.verbs.addAll(list(r.verbs));
      }
    }
    compacted.addAll(simple.values());
    return compacted.stream().map(PolicyRules::compactString).sorted().distinct().toList();
  }

  /** CompactString: {APIGroups:["apps"], Resources:["deployments"], Verbs:["get"]}. */
  static String compactString(PolicyRule r) {
    List<String> parts = new ArrayList<>();
    add(parts, "APIGroups", r.apiGroups);
    add(parts, "Resources", r.resources);
    add(parts, "NonResourceURLs", r.nonResourceURLs);
    add(parts, "ResourceNames", r.resourceNames);
    add(parts, "Verbs", r.verbs);
    return "{" + String.join(", ", parts) + "}";
  }

  private static void add(List<String> parts, String name, List<String> values) {
    if (!empty(values)) {
      parts.add(name + ":" + goQuoted(values));
    }
  }

  /** Go's %q of a []string: ["a" "b"]. */
  public static String goQuoted(List<String> values) {
    return values.stream().map(GoText::quote).collect(Collectors.joining(" ", "[", "]"));
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static boolean empty(List<String> values) {
    return values == null || values.isEmpty();
  }
}
