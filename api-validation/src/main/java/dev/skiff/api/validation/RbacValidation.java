package dev.skiff.api.validation;

import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleBinding;
import dev.skiff.api.model.rbac.RoleRef;
import dev.skiff.api.model.rbac.Subject;
import dev.skiff.api.names.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * pkg/apis/rbac/validation: Role, ClusterRole (with its aggregationRule), RoleBinding and
 * ClusterRoleBinding, with Kubernetes' field paths and messages. Names are path segments (any text
 * without "/" or "%", not "." or ".."), so {@code system:basic-user} is a valid name.
 */
public final class RbacValidation {
  public static final String GROUP = "rbac.authorization.k8s.io";

  /** ValidateRBACName: path.IsValidPathSegmentName. */
  public static final NameRule NAME = (name, prefix) -> pathSegment(name);

  private RbacValidation() {}

  public static void validate(Role role, ErrorList errs) {
    ObjectMetaValidation.validate(role.metadata, true, NAME, FieldPath.root("metadata"), errs);
    rules(role.rules, true, errs);
  }

  public static void validate(ClusterRole role, ErrorList errs) {
    ObjectMetaValidation.validate(role.metadata, false, NAME, FieldPath.root("metadata"), errs);
    rules(role.rules, false, errs);
    if (role.aggregationRule == null) {
      return;
    }
    FieldPath selectors = FieldPath.root("aggregationRule", "clusterRoleSelectors");
    List<LabelSelector> list = role.aggregationRule.clusterRoleSelectors;
    if (list == null || list.isEmpty()) {
      errs.required(
          selectors, "at least one clusterRoleSelector required if aggregationRule is non-nil");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      LabelSelectorValidation.validate(list.get(i), selectors.index(i), errs);
    }
  }

  public static void validate(RoleBinding binding, ErrorList errs) {
    ObjectMetaValidation.validate(binding.metadata, true, NAME, FieldPath.root("metadata"), errs);
    roleRef(binding.roleRef, List.of("Role", "ClusterRole"), errs);
    subjects(binding.subjects, true, errs);
  }

  public static void validate(ClusterRoleBinding binding, ErrorList errs) {
    ObjectMetaValidation.validate(binding.metadata, false, NAME, FieldPath.root("metadata"), errs);
    roleRef(binding.roleRef, List.of("ClusterRole"), errs);
    subjects(binding.subjects, false, errs);
  }

  public static void validateUpdate(RoleBinding binding, RoleBinding old, ErrorList errs) {
    sameRoleRef(binding.roleRef, old.roleRef, errs);
  }

  public static void validateUpdate(
      ClusterRoleBinding binding, ClusterRoleBinding old, ErrorList errs) {
    sameRoleRef(binding.roleRef, old.roleRef, errs);
  }

  /** ValidatePolicyRule. */
  private static void rules(List<PolicyRule> rules, boolean namespaced, ErrorList errs) {
    if (rules == null) {
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule rule = rules.get(i);
      FieldPath path = FieldPath.root("rules").index(i);
      if (empty(rule.verbs)) {
        errs.required(path.child("verbs"), "verbs must contain at least one value");
      }
      if (!empty(rule.nonResourceURLs)) {
        ErrorList.Verbatim urls = goStrings(rule.nonResourceURLs);
        if (namespaced) {
          errs.invalid(
              path.child("nonResourceURLs"),
              urls,
              "namespaced rules cannot apply to non-resource URLs");
        }
        if (!empty(rule.apiGroups) || !empty(rule.resources) || !empty(rule.resourceNames)) {
          errs.invalid(
              path.child("nonResourceURLs"),
              urls,
              "rules cannot apply to both regular resources and non-resource URLs");
        }
        continue;
      }
      if (empty(rule.apiGroups)) {
        errs.required(path.child("apiGroups"), "resource rules must supply at least one api group");
      }
      if (empty(rule.resources)) {
        errs.required(path.child("resources"), "resource rules must supply at least one resource");
      }
    }
  }

  private static void roleRef(RoleRef ref, List<String> kinds, ErrorList errs) {
    RoleRef r = ref == null ? new RoleRef() : ref;
    FieldPath path = FieldPath.root("roleRef");
    if (!GROUP.equals(r.apiGroup)) {
      errs.notSupported(path.child("apiGroup"), nonNull(r.apiGroup), List.of(GROUP));
    }
    if (!kinds.contains(nonNull(r.kind))) {
      errs.notSupported(path.child("kind"), nonNull(r.kind), kinds);
    }
    if (r.name == null || r.name.isEmpty()) {
      errs.required(path.child("name"), "");
    } else {
      errs.invalidEach(path.child("name"), r.name, pathSegment(r.name));
    }
  }

  /** ValidateRoleBindingSubject. */
  private static void subjects(List<Subject> subjects, boolean namespaced, ErrorList errs) {
    if (subjects == null) {
      return;
    }
    for (int i = 0; i < subjects.size(); i++) {
      Subject s = subjects.get(i);
      FieldPath path = FieldPath.root("subjects").index(i);
      String name = nonNull(s.name);
      String apiGroup = nonNull(s.apiGroup);
      if (name.isEmpty()) {
        errs.required(path.child("name"), "");
      }
      switch (nonNull(s.kind)) {
        case Subject.SERVICE_ACCOUNT -> {
          if (!name.isEmpty()) {
            errs.invalidEach(path.child("name"), name, Names.isDns1123Subdomain(name));
          }
          if (!apiGroup.isEmpty()) {
            errs.notSupported(path.child("apiGroup"), apiGroup, List.of(""));
          }
          if (!namespaced && (s.namespace == null || s.namespace.isEmpty())) {
            errs.required(path.child("namespace"), "");
          }
        }
        case Subject.USER, Subject.GROUP -> {
          if (!GROUP.equals(apiGroup)) {
            errs.notSupported(path.child("apiGroup"), apiGroup, List.of(GROUP));
          }
        }
        default ->
            errs.notSupported(
                path.child("kind"),
                nonNull(s.kind),
                List.of(Subject.SERVICE_ACCOUNT, Subject.USER, Subject.GROUP));
      }
    }
  }

  private static void sameRoleRef(RoleRef ref, RoleRef old, ErrorList errs) {
    RoleRef r = ref == null ? new RoleRef() : ref;
    RoleRef o = old == null ? new RoleRef() : old;
    if (!Objects.equals(nonNull(r.apiGroup), nonNull(o.apiGroup))
        || !Objects.equals(nonNull(r.kind), nonNull(o.kind))
        || !Objects.equals(nonNull(r.name), nonNull(o.name))) {
      errs.invalid(
          FieldPath.root("roleRef"),
          new ErrorList.Verbatim(
              "rbac.RoleRef{APIGroup:"
                  + ErrorList.quote(nonNull(r.apiGroup))
                  + ", Kind:"
                  + ErrorList.quote(nonNull(r.kind))
                  + ", Name:"
                  + ErrorList.quote(nonNull(r.name))
                  + "}"),
          "cannot change roleRef");
    }
  }

  /** path.IsValidPathSegmentName. */
  static List<String> pathSegment(String name) {
    if (name.equals(".") || name.equals("..")) {
      return List.of("may not be '" + name + "'");
    }
    List<String> errors = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errors.add("may not contain '" + illegal + "'");
      }
    }
    return errors;
  }

  /** Go's %#v of a []string. */
  private static ErrorList.Verbatim goStrings(List<String> values) {
    return new ErrorList.Verbatim(
        values.stream().map(ErrorList::quote).collect(Collectors.joining(", ", "[]string{", "}")));
  }

  private static boolean empty(List<String> list) {
    return list == null || list.isEmpty();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
