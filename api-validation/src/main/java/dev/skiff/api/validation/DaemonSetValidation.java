package dev.skiff.api.validation;

import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.DaemonSetSpec;
import dev.skiff.api.model.apps.DaemonSetUpdateStrategy;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.selector.Selector;
import dev.skiff.api.status.StatusException;
import java.util.List;
import java.util.Map;

/**
 * apps/v1 ValidateDaemonSet and ValidateDaemonSetUpdate: the selector must select the template (an
 * absent selector selects nothing), Kubernetes' messages.
 */
final class DaemonSetValidation {
  private DaemonSetValidation() {}

  static void validate(DaemonSet ds, ErrorList errs) {
    ObjectMetaValidation.validate(
        ds.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    DaemonSetSpec s = ds.spec == null ? new DaemonSetSpec() : ds.spec;
    FieldPath spec = FieldPath.root("spec");
    Selector parsed = null;
    if (s.selector != null) {
      ErrorList selectorErrs = new ErrorList();
      LabelSelectorValidation.validate(s.selector, spec.child("selector"), selectorErrs);
      errs.addAll(selectorErrs);
      if (selectorErrs.isEmpty()) {
        try {
          parsed = Selector.from(s.selector);
        } catch (StatusException e) {
          parsed = null;
        }
      }
    }
    PodTemplateSpec template = s.template == null ? new PodTemplateSpec() : s.template;
    Map<String, String> labels = template.metadata == null ? null : template.metadata.labels;
    if (parsed == null || !parsed.matches(labels)) {
      errs.invalid(
          spec.child("template", "metadata", "labels"),
          labels == null ? Map.of() : labels,
          "`selector` does not match template `labels`");
    }
    if (s.selector != null
        && (s.selector.matchLabels == null || s.selector.matchLabels.isEmpty())
        && (s.selector.matchExpressions == null || s.selector.matchExpressions.isEmpty())) {
      errs.invalid(spec.child("selector"), s.selector, "empty selector is invalid for daemonset");
    }
    FieldPath tpl = spec.child("template");
    PodValidation.validateTemplate(template, tpl, errs);
    String restart = template.spec == null ? null : template.spec.restartPolicy;
    if (restart != null && !restart.equals("Always")) {
      errs.notSupported(tpl.child("spec", "restartPolicy"), restart, List.of("Always"));
    }
    if (template.spec != null && template.spec.activeDeadlineSeconds != null) {
      errs.invalid(
          tpl.child("spec", "activeDeadlineSeconds"),
          template.spec.activeDeadlineSeconds,
          "activeDeadlineSeconds must be nil for daemonset");
    }
    PortRules.nonNegative(s.minReadySeconds, spec.child("minReadySeconds"), errs);
    updateStrategy(s.updateStrategy, spec.child("updateStrategy"), errs);
    PortRules.nonNegative(s.revisionHistoryLimit, spec.child("revisionHistoryLimit"), errs);
  }

  private static void updateStrategy(DaemonSetUpdateStrategy st, FieldPath path, ErrorList errs) {
    String type = st == null ? null : st.type;
    if ("OnDelete".equals(type)) {
      return;
    }
    if ("RollingUpdate".equals(type)) {
      if (st.rollingUpdate == null) {
        errs.required(path.child("rollingUpdate"), "");
      } else {
        RollingUpdateValidation.validate(st.rollingUpdate, path.child("rollingUpdate"), errs);
      }
      return;
    }
    errs.notSupported(path, st, List.of("RollingUpdate", "OnDelete"));
  }

  static void validateUpdate(DaemonSet ds, DaemonSet old, ErrorList errs) {
    WorkloadValidation.selectorImmutable(ds.spec().selector, old.spec().selector, errs);
  }
}
