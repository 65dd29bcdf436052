package dev.skiff.api.validation;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.DeploymentSpec;
import dev.skiff.api.model.apps.DeploymentStrategy;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.ReplicaSetSpec;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.selector.Selector;
import dev.skiff.api.status.StatusException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** apps/v1 ValidateDeployment and ValidateReplicaSet (spec, template, strategy, selector). */
public final class WorkloadValidation {
  private WorkloadValidation() {}

  public static void validate(Deployment d, ErrorList errs) {
    ObjectMetaValidation.validate(
        d.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    DeploymentSpec s = d.spec == null ? new DeploymentSpec() : d.spec;
    FieldPath spec = FieldPath.root("spec");
    PortRules.nonNegative(s.replicas, spec.child("replicas"), errs);
    selectorAndTemplate(s.selector, s.template, spec, "deployment", "ReplicaSet", errs);
    strategy(s.strategy, spec.child("strategy"), errs);
    PortRules.nonNegative(s.minReadySeconds, spec.child("minReadySeconds"), errs);
    PortRules.nonNegative(s.revisionHistoryLimit, spec.child("revisionHistoryLimit"), errs);
    if (s.progressDeadlineSeconds != null) {
      PortRules.nonNegative(s.progressDeadlineSeconds, spec.child("progressDeadlineSeconds"), errs);
      int minReady = s.minReadySeconds == null ? 0 : s.minReadySeconds;
      if (s.progressDeadlineSeconds <= minReady) {
        errs.invalid(
            spec.child("progressDeadlineSeconds"),
            s.progressDeadlineSeconds,
            "must be greater than minReadySeconds");
      }
    }
  }

  public static void validate(ReplicaSet rs, ErrorList errs) {
    ObjectMetaValidation.validate(
        rs.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    ReplicaSetSpec s = rs.spec == null ? new ReplicaSetSpec() : rs.spec;
    FieldPath spec = FieldPath.root("spec");
    PortRules.nonNegative(s.replicas, spec.child("replicas"), errs);
    PortRules.nonNegative(s.minReadySeconds, spec.child("minReadySeconds"), errs);
    selectorAndTemplate(s.selector, s.template, spec, "deployment", "ReplicaSet", errs);
  }

  /** apps/v1: spec.selector may not change. */
  static void validateUpdate(Deployment d, Deployment old, ErrorList errs) {
    selectorImmutable(
        d.spec == null ? null : d.spec.selector, old.spec == null ? null : old.spec.selector, errs);
  }

  static void validateUpdate(ReplicaSet rs, ReplicaSet old, ErrorList errs) {
    selectorImmutable(
        rs.spec == null ? null : rs.spec.selector,
        old.spec == null ? null : old.spec.selector,
        errs);
  }

  static void selectorImmutable(LabelSelector selector, LabelSelector old, ErrorList errs) {
    if (!Objects.equals(tree(selector), tree(old))) {
      errs.invalid(FieldPath.root("spec", "selector"), selector, "field is immutable");
    }
  }

  /**
   * The selector (required, valid, not empty: "empty selector is invalid for {@code selectorOf}")
   * and the pod template it must match, with the template rules of {@link #template}.
   */
  static void selectorAndTemplate(
      LabelSelector selector,
      PodTemplateSpec template,
      FieldPath spec,
      String selectorOf,
      String templateOf,
      ErrorList errs) {
    FieldPath sel = spec.child("selector");
    Selector parsed = null;
    if (selector == null) {
      errs.required(sel, "");
    } else {
      ErrorList selectorErrs = new ErrorList();
      LabelSelectorValidation.validate(selector, sel, selectorErrs);
      errs.addAll(selectorErrs);
      if (size(selector.matchLabels) + size(selector.matchExpressions) == 0) {
        errs.invalid(sel, selector, "empty selector is invalid for " + selectorOf);
      } else if (selectorErrs.isEmpty()) {
        try {
          parsed = Selector.from(selector);
        } catch (StatusException e) {
          errs.invalid(sel, selector, "invalid label selector");
        }
      }
    }
    template(parsed, template, spec.child("template"), templateOf, errs);
  }

  /**
   * A controller's pod template: required, labels matched by the selector (when it parsed),
   * restartPolicy Always, no activeDeadlineSeconds ("... in {@code kind} is not Supported").
   */
  static void template(
      Selector parsed, PodTemplateSpec template, FieldPath tpl, String kind, ErrorList errs) {
    if (template == null) {
      errs.required(tpl, "");
      return;
    }
    Map<String, String> labels = template.metadata == null ? null : template.metadata.labels;
    if (parsed != null && !parsed.matches(labels)) {
      errs.invalid(
          tpl.child("metadata", "labels"),
          labels == null ? Map.of() : labels,
          "`selector` does not match template `labels`");
    }
    PodValidation.validateTemplate(template, tpl, errs);
    String restart = template.spec == null ? null : template.spec.restartPolicy;
    if (restart != null && !restart.equals("Always")) {
      errs.notSupported(tpl.child("spec", "restartPolicy"), restart, List.of("Always"));
    }
    if (template.spec != null && template.spec.activeDeadlineSeconds != null) {
      errs.forbidden(
          tpl.child("spec", "activeDeadlineSeconds"),
          "activeDeadlineSeconds in " + kind + " is not Supported");
    }
  }

  private static void strategy(DeploymentStrategy st, FieldPath path, ErrorList errs) {
    if (st == null || st.type == null) {
      return;
    }
    switch (st.type) {
      case "Recreate" -> {
        if (st.rollingUpdate != null) {
          errs.forbidden(
              path.child("rollingUpdate"),
              "may not be specified when strategy `type` is 'Recreate'");
        }
      }
      case "RollingUpdate" -> {
        if (st.rollingUpdate != null) {
          RollingUpdateValidation.validate(st.rollingUpdate, path.child("rollingUpdate"), errs);
        }
      }
      default ->
          errs.notSupported(path.child("type"), st.type, List.of("Recreate", "RollingUpdate"));
    }
  }

  static Object tree(Object o) {
    return o == null ? null : dev.skiff.api.Json.mapper().valueToTree(o);
  }

  private static int size(Object o) {
    if (o instanceof Map<?, ?> m) {
      return m.size();
    }
    return o instanceof List<?> l ? l.size() : 0;
  }
}
