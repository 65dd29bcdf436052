package dev.skiff.api.selector;

import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.LabelSelectorRequirement;
import dev.skiff.api.status.StatusException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed label selector: requirements ANDed together, kept sorted by key like Kubernetes' {@code
 * labels.Selector}. Immutable and thread-safe.
 *
 * <p>Two special selectors exist: {@link #everything()} (no requirements, {@link #isEmpty()}) and
 * {@link #nothing()}, which matches no object at all. {@code toString()} of nothing is "" as in
 * Kubernetes, so only selectors that can select something round-trip through {@link #parse}.
 */
public final class Selector {
  private static final Selector EVERYTHING = new Selector(List.of(), false);
  private static final Selector NOTHING = new Selector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private Selector(List<Requirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  public static Selector everything() {
    return EVERYTHING;
  }

  public static Selector nothing() {
    return NOTHING;
  }

  /** Requirements ANDed, sorted by key (stable for equal keys). */
  public static Selector of(List<Requirement> requirements) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    return sorted.isEmpty() ? EVERYTHING : new Selector(List.copyOf(sorted), false);
  }

  /**
   * Parses the {@code labelSelector} query parameter grammar: {@code k=v}, {@code k==v}, {@code
   * k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k}, {@code k>5}, {@code
   * k<5}, joined by commas. Null or blank selects everything.
   *
   * @throws StatusException BadRequest, with the real server's message (e.g. {@code unable to parse
   *     requirement: ...})
   */
  public static Selector parse(String selector) {
    if (selector == null) {
      return EVERYTHING;
    }
    return of(SelectorParser.parse(selector));
  }

  /**
   * metav1.LabelSelectorAsSelector: {@code matchLabels} and {@code matchExpressions} ANDed. A null
   * selector selects <b>nothing</b>; an empty one (no labels, no expressions) selects
   * <b>everything</b>.
   *
   * @throws StatusException BadRequest for invalid keys, values or operators
   */
  public static Selector from(LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    List<Requirement> reqs = new ArrayList<>();
    if (selector.matchLabels != null) {
      selector.matchLabels.forEach(
          (k, v) -> reqs.add(Requirement.of(orEmpty(k), Operator.EQUALS, List.of(orEmpty(v)))));
    }
    if (selector.matchExpressions != null) {
      for (LabelSelectorRequirement e : selector.matchExpressions) {
        List<String> values =
            e.values == null ? List.of() : e.values.stream().map(Selector::orEmpty).toList();
        reqs.add(Requirement.of(orEmpty(e.key), operator(e.operator), values));
      }
    }
    return of(reqs);
  }

  /** JSON null decodes to "" in Go's string fields. */
  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Operator operator(String operator) {
    if (operator != null) {
      switch (operator) {
        case LabelSelectorRequirement.IN:
          return Operator.IN;
        case LabelSelectorRequirement.NOT_IN:
          return Operator.NOT_IN;
        case LabelSelectorRequirement.EXISTS:
          return Operator.EXISTS;
        case LabelSelectorRequirement.DOES_NOT_EXIST:
          return Operator.DOES_NOT_EXIST;
        default:
          break;
      }
    }
    throw StatusException.badRequest(
        FieldErrors.quote(orEmpty(operator)) + " is not a valid label selector operator");
  }

  /**
   * labels.SelectorFromSet: every label must be present with that value. A null or empty map
   * selects <b>everything</b>. Keys and values are not validated.
   */
  public static Selector fromMap(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return EVERYTHING;
    }
    return of(
        labels.entrySet().stream()
            .map(e -> new Requirement(e.getKey(), Operator.EQUALS, List.of(e.getValue())))
            .toList());
  }

  /**
   * A Service's {@code spec.selector}: every label must be present with that value, and a null or
   * empty selector selects <b>nothing</b> (a Service without a selector has no managed endpoints).
   */
  public static Selector fromServiceSelector(Map<String, String> selector) {
    return selector == null || selector.isEmpty() ? NOTHING : fromMap(selector);
  }

  /** Whether the labels (null = none) satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    Map<String, String> ls = labels == null ? Map.of() : labels;
    for (Requirement r : requirements) {
      if (!r.matches(ls)) {
        return false;
      }
    }
    return true;
  }

  /** True when this selector places no restriction (selects everything). */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  /** True only for {@link #nothing()}. */
  public boolean matchesNothing() {
    return nothing;
  }

  public List<Requirement> requirements() {
    return requirements;
  }

  /** Canonical form sorted by key, e.g. {@code app in (web,x),!foo,tier!=be}; "" for nothing. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector other
        && nothing == other.nothing
        && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + Boolean.hashCode(nothing);
  }
}
