package dev.skiff.api.validation;

import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.LabelSelectorRequirement;
import dev.skiff.api.names.Names;

/** metav1validation.ValidateLabelSelector (strict: selector values must be valid label values). */
public final class LabelSelectorValidation {
  private LabelSelectorValidation() {}

  public static void validate(LabelSelector selector, FieldPath path, ErrorList errs) {
    if (selector == null) {
      return;
    }
    ObjectMetaValidation.validateLabels(selector.matchLabels, path.child("matchLabels"), errs);
    if (selector.matchExpressions == null) {
      return;
    }
    for (int i = 0; i < selector.matchExpressions.size(); i++) {
      requirement(selector.matchExpressions.get(i), path.child("matchExpressions").index(i), errs);
    }
  }

  private static void requirement(LabelSelectorRequirement r, FieldPath path, ErrorList errs) {
    int values = r.values == null ? 0 : r.values.size();
    String op = r.operator == null ? "" : r.operator;
    switch (op) {
      case LabelSelectorRequirement.IN, LabelSelectorRequirement.NOT_IN -> {
        if (values == 0) {
          errs.required(
              path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
        }
      }
      case LabelSelectorRequirement.EXISTS, LabelSelectorRequirement.DOES_NOT_EXIST -> {
        if (values > 0) {
          errs.forbidden(
              path.child("values"),
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
      }
      default -> errs.invalid(path.child("operator"), op, "not a valid selector operator");
    }
    String key = r.key == null ? "" : r.key;
    errs.invalidEach(path.child("key"), key, Names.isQualifiedName(key));
    for (int i = 0; i < values; i++) {
      String v = r.values.get(i) == null ? "" : r.values.get(i);
      errs.invalidEach(path.child("values").index(i), v, Names.isValidLabelValue(v));
    }
  }
}
