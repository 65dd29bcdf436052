package dev.skiff.api.validation;

import dev.skiff.api.model.apps.RollingUpdateDeployment;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.names.Names;
import java.util.regex.Pattern;

/** ValidateRollingUpdateDeployment: maxSurge / maxUnavailable as counts or percentages. */
final class RollingUpdateValidation {
  private static final String PERCENT_FMT = "[0-9]+%";
  private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);

  private RollingUpdateValidation() {}

  static void validate(RollingUpdateDeployment ru, FieldPath path, ErrorList errs) {
    positiveIntOrPercent(ru.maxUnavailable, path.child("maxUnavailable"), errs);
    positiveIntOrPercent(ru.maxSurge, path.child("maxSurge"), errs);
    if (ru.maxUnavailable != null
        && ru.maxSurge != null
        && value(ru.maxUnavailable) == 0
        && value(ru.maxSurge) == 0) {
      errs.invalid(
          path.child("maxUnavailable"), ru.maxUnavailable, "may not be 0 when `maxSurge` is 0");
    }
    if (ru.maxUnavailable != null
        && !ru.maxUnavailable.isInt()
        && isPercent(ru.maxUnavailable)
        && value(ru.maxUnavailable) > 100) {
      errs.invalid(
          path.child("maxUnavailable"), ru.maxUnavailable, "must not be greater than 100%");
    }
  }

  private static void positiveIntOrPercent(IntOrString v, FieldPath path, ErrorList errs) {
    if (v == null) {
      return;
    }
    if (v.isInt()) {
      PortRules.nonNegative(v.intValue(), path, errs);
    } else if (!isPercent(v)) {
      errs.invalid(
          path,
          v,
          Names.regexError(
              "a valid percent string must be a numeric string followed by an ending '%'",
              PERCENT_FMT, "1%", "93%"));
    }
  }

  private static boolean isPercent(IntOrString v) {
    return PERCENT.matcher(v.strValue()).matches();
  }

  /** getIntOrPercentValue: the number, or the percentage without its sign. */
  private static int value(IntOrString v) {
    if (v.isInt()) {
      return v.intValue();
    }
    if (!isPercent(v)) {
      return -1;
    }
    try {
      return Integer.parseInt(v.strValue().substring(0, v.strValue().length() - 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
