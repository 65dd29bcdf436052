package dev.skiff.api.model.meta;

import java.util.List;

/**
 * metav1.LabelSelectorRequirement: {@code key operator values}. Operator is one of {@value #IN},
 * {@value #NOT_IN}, {@value #EXISTS}, {@value #DOES_NOT_EXIST}; values must be non-empty for In and
 * NotIn and empty for Exists and DoesNotExist.
 */
public class LabelSelectorRequirement extends Extensible {
  public static final String IN = "In";
  public static final String NOT_IN = "NotIn";
  public static final String EXISTS = "Exists";
  public static final String DOES_NOT_EXIST = "DoesNotExist";

  public String key;
  public String operator;
  public List<String> values;

  public LabelSelectorRequirement() {}

  public LabelSelectorRequirement(String key, String operator, List<String> values) {
    this.key = key;
    this.operator = operator;
    this.values = values;
  }
}
