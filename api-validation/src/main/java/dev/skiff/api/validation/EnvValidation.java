package dev.skiff.api.validation;

import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.EnvVarSource;
import java.util.List;

/** ValidateEnv (relaxed env var names, Kubernetes 1.32 default) and the downward API paths. */
final class EnvValidation {
  static final List<String> FIELD_PATHS =
      List.of(
          "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "spec.nodeName",
          "spec.serviceAccountName",
          "status.hostIP",
          "status.hostIPs",
          "status.podIP",
          "status.podIPs");

  private EnvValidation() {}

  static void validate(List<EnvVar> env, FieldPath path, ErrorList errs) {
    if (env == null) {
      return;
    }
    for (int i = 0; i < env.size(); i++) {
      EnvVar ev = env.get(i);
      FieldPath p = path.index(i);
      if (ev.name == null || ev.name.isEmpty()) {
        errs.required(p.child("name"), "");
      } else if (!ev.name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '=')) {
        errs.invalid(
            p.child("name"),
            ev.name,
            "a valid environment variable name must consist only of printable ASCII characters"
                + " other than '='");
      }
      if (ev.valueFrom != null) {
        valueFrom(ev, p.child("valueFrom"), errs);
      }
    }
  }

  private static void valueFrom(EnvVar ev, FieldPath path, ErrorList errs) {
    EnvVarSource s = ev.valueFrom;
    int sources = 0;
    if (s.fieldRef != null) {
      sources++;
      fieldRef(
          s.fieldRef.apiVersion, s.fieldRef.fieldPath, FIELD_PATHS, path.child("fieldRef"), errs);
    }
    if (s.resourceFieldRef != null) {
      sources++;
      if (s.resourceFieldRef.resource == null || s.resourceFieldRef.resource.isEmpty()) {
        errs.required(path.child("resourceFieldRef", "resource"), "");
      }
    }
    if (s.configMapKeyRef != null) {
      sources++;
      keyRef(s.configMapKeyRef.name, s.configMapKeyRef.key, path.child("configMapKeyRef"), errs);
    }
    if (s.secretKeyRef != null) {
      sources++;
      keyRef(s.secretKeyRef.name, s.secretKeyRef.key, path.child("secretKeyRef"), errs);
    }
    if (sources == 0) {
      errs.invalid(
          path,
          "",
          "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
    } else if (ev.value != null && !ev.value.isEmpty()) {
      errs.invalid(path, "", "may not be specified when `value` is not empty");
    } else if (sources > 1) {
      errs.invalid(path, "", "may not have more than one field specified at a time");
    }
  }

  /** validateObjectFieldSelector against the paths the caller supports ({@code expressions}). */
  static void fieldRef(
      String apiVersion,
      String fieldPath,
      List<String> expressions,
      FieldPath path,
      ErrorList errs) {
    if (apiVersion != null && apiVersion.isEmpty()) {
      errs.required(path.child("apiVersion"), "");
      return;
    }
    if (fieldPath == null || fieldPath.isEmpty()) {
      errs.required(path.child("fieldPath"), "");
      return;
    }
    int bracket = fieldPath.indexOf("['");
    if (bracket > 0 && fieldPath.endsWith("']")) {
      String base = fieldPath.substring(0, bracket);
      String key = fieldPath.substring(bracket + 2, fieldPath.length() - 2);
      switch (base) {
        case "metadata.annotations" ->
            PortRules.qualifiedName(key.toLowerCase(java.util.Locale.ROOT), path, errs);
        case "metadata.labels" -> PortRules.qualifiedName(key, path, errs);
        default -> errs.invalid(path, base, "does not support subscript");
      }
    } else if (!expressions.contains(fieldPath)) {
      errs.notSupported(path.child("fieldPath"), fieldPath, expressions);
    }
  }

  private static void keyRef(String name, String key, FieldPath path, ErrorList errs) {
    if (key == null || key.isEmpty()) {
      errs.required(path.child("key"), "");
    }
    if (name == null || name.isEmpty()) {
      errs.required(path.child("name"), "");
    }
  }
}
