package dev.skiff.api.selector;

import dev.skiff.api.names.Names;
import dev.skiff.api.status.StatusException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One label requirement: {@code key operator values}. Values are kept sorted and unique. Build
 * through {@link #of}, which validates like Kubernetes' {@code labels.NewRequirement}.
 */
public record Requirement(String key, Operator operator, List<String> values) {

  public Requirement {
    values = List.copyOf(new TreeSet<>(values));
  }

  /**
   * A validated requirement.
   *
   * @throws StatusException BadRequest naming every problem with the key, operator and values
   */
  public static Requirement of(String key, Operator operator, Collection<String> values) {
    List<String> errors = problems(key, operator, List.copyOf(values));
    if (!errors.isEmpty()) {
      throw StatusException.badRequest(FieldErrors.aggregate(errors));
    }
    return new Requirement(key, operator, List.copyOf(values));
  }

  static List<String> problems(String key, Operator op, List<String> values) {
    List<String> errs = new ArrayList<>();
    List<String> keyErrors = Names.isQualifiedName(key);
    if (!keyErrors.isEmpty()) {
      errs.add(FieldErrors.invalid("key", key, String.join("; ", keyErrors)));
    }
    switch (op) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          errs.add(
              FieldErrors.invalid(
                  "values", values, "for 'in', 'notin' operators, values set can't be empty"));
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          errs.add(
              FieldErrors.invalid(
                  "values", values, "exact-match compatibility requires one single value"));
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          errs.add(
              FieldErrors.invalid(
                  "values", values, "values set must be empty for exists and does not exist"));
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          errs.add(
              FieldErrors.invalid(
                  "values", values, "for 'Gt', 'Lt' operators, exactly one value is required"));
        }
        for (int i = 0; i < values.size(); i++) {
          if (parseLong(values.get(i)) == null) {
            errs.add(
                FieldErrors.invalid(
                    "values[" + i + "]",
                    values.get(i),
                    "for 'Gt', 'Lt' operators, the value must be an integer"));
          }
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> valueErrors = Names.isValidLabelValue(values.get(i));
      if (!valueErrors.isEmpty()) {
        errs.add(
            FieldErrors.invalid(
                "values[" + i + "][" + key + "]", values.get(i), String.join("; ", valueErrors)));
      }
    }
    return errs;
  }

  /** Whether the labels (never null) satisfy this requirement; absent keys satisfy != and notin. */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    boolean has = value != null || labels.containsKey(key);
    return switch (operator) {
      case EQUALS, DOUBLE_EQUALS, IN -> has && values.contains(value);
      case NOT_EQUALS, NOT_IN -> !has || !values.contains(value);
      case EXISTS -> has;
      case DOES_NOT_EXIST -> !has;
      case GREATER_THAN, LESS_THAN -> compares(has ? value : null);
    };
  }

  private boolean compares(String labelValue) {
    Long actual = labelValue == null ? null : parseLong(labelValue);
    Long bound = values.size() == 1 ? parseLong(values.get(0)) : null;
    if (actual == null || bound == null) {
      return false;
    }
    return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Kubernetes' canonical spelling: {@code k=v}, {@code k in (a,b)}, {@code !k}, {@code k>5}. */
  @Override
  public String toString() {
    String joined = String.join(",", values);
    return switch (operator) {
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case EQUALS -> key + "=" + joined;
      case DOUBLE_EQUALS -> key + "==" + joined;
      case NOT_EQUALS -> key + "!=" + joined;
      case GREATER_THAN -> key + ">" + joined;
      case LESS_THAN -> key + "<" + joined;
      case IN -> key + " in (" + joined + ")";
      case NOT_IN -> key + " notin (" + joined + ")";
    };
  }
}
