package dev.skiff.api.validation;

import dev.skiff.api.model.core.Base64Data;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.names.Names;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * ValidateConfigMap and ValidateConfigMapUpdate: config keys, no key in both {@code data} and
 * {@code binaryData}, 1 MiB in all, and {@code immutable} once set. The key, size and immutability
 * rules are shared with Secrets.
 */
public final class ConfigMapValidation {
  /** core.MaxSecretSize, the limit of a ConfigMap's or Secret's data. */
  static final int MAX_SIZE = 1024 * 1024;

  static final String IMMUTABLE_WHEN_SET = "field is immutable when `immutable` is set";

  private ConfigMapValidation() {}

  public static void validate(ConfigMap cm, ErrorList errs) {
    ObjectMetaValidation.validate(
        cm.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    long total = 0;
    if (cm.data != null) {
      for (Map.Entry<String, String> e : cm.data.entrySet()) {
        FieldPath path = FieldPath.root("data").key(e.getKey());
        keys(e.getKey(), path, errs);
        if (cm.binaryData != null && cm.binaryData.containsKey(e.getKey())) {
          errs.invalid(path, e.getKey(), "duplicate of key present in binaryData");
        }
        total += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (cm.binaryData != null) {
      cm.binaryData.keySet().forEach(k -> keys(k, FieldPath.root("binaryData").key(k), errs));
      total += Base64Data.size(cm.binaryData);
    }
    if (total > MAX_SIZE) {
      // field.NewPath(""): the error is about the whole object, printed "[]"
      errs.tooLong(FieldPath.root("").key(""), MAX_SIZE);
    }
  }

  public static void validateUpdate(ConfigMap cm, ConfigMap old, ErrorList errs) {
    if (!Boolean.TRUE.equals(old.immutable)) {
      return;
    }
    immutableFlag(cm.immutable, errs);
    unchanged(cm.data, old.data, "data", errs);
    unchanged(cm.binaryData, old.binaryData, "binaryData", errs);
  }

  /** IsConfigMapKey's problems, one Invalid cause each. */
  static void keys(String key, FieldPath path, ErrorList errs) {
    errs.invalidEach(path, key, Names.isConfigMapKey(key));
  }

  /** An immutable object stays immutable. */
  static void immutableFlag(Boolean immutable, ErrorList errs) {
    if (!Boolean.TRUE.equals(immutable)) {
      errs.forbidden(FieldPath.root("immutable"), IMMUTABLE_WHEN_SET);
    }
  }

  /** reflect.DeepEqual of two maps: nil and empty differ, as in Go. */
  static void unchanged(Object value, Object old, String field, ErrorList errs) {
    if (!Objects.equals(value, old)) {
      errs.forbidden(FieldPath.root(field), IMMUTABLE_WHEN_SET);
    }
  }
}
