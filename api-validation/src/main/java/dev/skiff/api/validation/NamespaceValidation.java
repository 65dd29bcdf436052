package dev.skiff.api.validation;

import dev.skiff.api.model.core.Namespace;

/** ValidateNamespace: a DNS-1123 label name, valid spec.finalizers. */
public final class NamespaceValidation {
  private NamespaceValidation() {}

  public static void validate(Namespace ns, ErrorList errs) {
    ObjectMetaValidation.validate(
        ns.metadata, false, NameRule.DNS1123_LABEL, FieldPath.root("metadata"), errs);
    if (ns.spec != null && ns.spec.finalizers != null) {
      for (String f : ns.spec.finalizers) {
        ObjectMetaValidation.validateFinalizerName(f, FieldPath.root("spec", "finalizers"), errs);
      }
    }
  }
}
