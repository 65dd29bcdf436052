package dev.skiff.api.validation;

import dev.skiff.api.model.core.ServiceAccount;

/** ValidateServiceAccount: a namespaced object with a DNS-1123 subdomain name. */
public final class ServiceAccountValidation {
  private ServiceAccountValidation() {}

  public static void validate(ServiceAccount sa, ErrorList errs) {
    ObjectMetaValidation.validate(
        sa.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
  }
}
