package dev.skiff.api.validation;

import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.core.ReplicationControllerSpec;
import dev.skiff.api.selector.Selector;

/** core/v1 ValidateReplicationController: a non-empty equality selector matching the template. */
final class ReplicationControllerValidation {
  private ReplicationControllerValidation() {}

  static void validate(ReplicationController rc, ErrorList errs) {
    ObjectMetaValidation.validate(
        rc.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    ReplicationControllerSpec s = rc.spec == null ? new ReplicationControllerSpec() : rc.spec;
    FieldPath spec = FieldPath.root("spec");
    PortRules.nonNegative(s.minReadySeconds, spec.child("minReadySeconds"), errs);
    if (s.selector == null || s.selector.isEmpty()) {
      errs.required(spec.child("selector"), "");
    }
    PortRules.nonNegative(s.replicas, spec.child("replicas"), errs);
    Selector parsed =
        s.selector == null || s.selector.isEmpty() ? null : Selector.fromMap(s.selector);
    WorkloadValidation.template(
        parsed, s.template, spec.child("template"), "ReplicationController", errs);
  }
}
