package dev.skiff.api.validation;

import dev.skiff.api.model.autoscaling.Scale;
import dev.skiff.api.model.coordination.Lease;

/** ValidateLease and ValidateScale: the two small kinds. */
public final class LeaseValidation {
  private LeaseValidation() {}

  public static void validate(Lease lease, ErrorList errs) {
    ObjectMetaValidation.validate(
        lease.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    if (lease.spec == null) {
      return;
    }
    FieldPath spec = FieldPath.root("spec");
    if (lease.spec.leaseDurationSeconds != null && lease.spec.leaseDurationSeconds <= 0) {
      errs.invalid(
          spec.child("leaseDurationSeconds"),
          lease.spec.leaseDurationSeconds,
          "must be greater than 0");
    }
    PortRules.nonNegative(lease.spec.leaseTransitions, spec.child("leaseTransitions"), errs);
  }

  public static void validate(Scale scale, ErrorList errs) {
    ObjectMetaValidation.validate(
        scale.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    if (scale.spec != null) {
      PortRules.nonNegative(scale.spec.replicas, FieldPath.root("spec", "replicas"), errs);
    }
  }
}
