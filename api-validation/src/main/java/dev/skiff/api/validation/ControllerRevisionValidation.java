package dev.skiff.api.validation;

import dev.skiff.api.model.apps.ControllerRevision;
import java.util.Objects;

/** apps/v1 ValidateControllerRevision: data is mandatory and immutable, revision >= 0. */
final class ControllerRevisionValidation {
  private ControllerRevisionValidation() {}

  static void validate(ControllerRevision cr, ErrorList errs) {
    ObjectMetaValidation.validate(
        cr.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    if (cr.data == null) {
      errs.required(FieldPath.root("data"), "data is mandatory");
    }
    PortRules.nonNegative(cr.revision, FieldPath.root("revision"), errs);
  }

  static void validateUpdate(ControllerRevision cr, ControllerRevision old, ErrorList errs) {
    if (!Objects.equals(WorkloadValidation.tree(cr.data), WorkloadValidation.tree(old.data))) {
      errs.invalid(FieldPath.root("data"), cr.data, "field is immutable");
    }
  }
}
