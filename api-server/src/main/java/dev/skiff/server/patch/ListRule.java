package dev.skiff.server.patch;

/**
 * How a strategic merge patch combines one list field with the live list.
 *
 * @param strategy replace the list, merge objects by key, or merge primitives as a set
 * @param mergeKey the field that identifies an element, for {@link Strategy#MERGE_BY_KEY}
 */
public record ListRule(Strategy strategy, String mergeKey) {
  public static final ListRule ATOMIC = new ListRule(Strategy.REPLACE, null);
  public static final ListRule PRIMITIVE_SET = new ListRule(Strategy.MERGE_SET, null);

  /** How a list merges. */
  public enum Strategy {
    /** The patch's list replaces the live one (Kubernetes' default for lists). */
    REPLACE,
    /** Elements are objects matched by {@code mergeKey}, then merged one by one. */
    MERGE_BY_KEY,
    /** Elements are primitives; the result is the union, live order first. */
    MERGE_SET
  }

  public static ListRule byKey(String mergeKey) {
    return new ListRule(Strategy.MERGE_BY_KEY, mergeKey);
  }
}
