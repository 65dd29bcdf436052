package dev.skiff.api.selector;

/** A label selector operator, spelled as Kubernetes' {@code selection.Operator}. */
public enum Operator {
  EQUALS("="),
  DOUBLE_EQUALS("=="),
  NOT_EQUALS("!="),
  IN("in"),
  NOT_IN("notin"),
  EXISTS("exists"),
  DOES_NOT_EXIST("!"),
  GREATER_THAN("gt"),
  LESS_THAN("lt");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The Kubernetes spelling ("in", "!=", "gt", ...). */
  public String symbol() {
    return symbol;
  }
}
