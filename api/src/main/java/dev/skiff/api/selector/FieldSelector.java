package dev.skiff.api.selector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed field selector ({@code fields.ParseSelector}): terms {@code field=value}, {@code
 * field==value} or {@code field!=value} ANDed by commas. Values may be empty and may escape {@code
 * \ , =} with a backslash. Immutable.
 */
public final class FieldSelector {
  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  /** One term; {@code equal} false means {@code !=}. */
  public record Term(String field, boolean equal, String value) {
    boolean matches(ObjectNode object) {
      return FieldValues.get(object, field).equals(value) == equal;
    }

    @Override
    public String toString() {
      return field + (equal ? "=" : "!=") + escape(value);
    }
  }

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses the {@code fieldSelector} query parameter. Null or empty selects everything.
   *
   * @throws StatusException BadRequest for a term without an operator or a bad escape
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isEmpty()) {
      return EVERYTHING;
    }
    List<String> parts = splitTerms(selector);
    parts.sort(Comparator.naturalOrder());
    List<Term> terms = new ArrayList<>();
    for (String part : parts) {
      if (!part.isEmpty()) {
        terms.add(term(selector, part));
      }
    }
    return terms.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(terms));
  }

  /** A selector of exactly {@code field=value}, e.g. {@code metadata.name=web}. */
  public static FieldSelector oneTermEqual(String field, String value) {
    return new FieldSelector(List.of(new Term(field, true, value)));
  }

  /**
   * Checks every field is selectable for this resource type: {@code metadata.name}, {@code
   * metadata.namespace} or one of {@link ResourceType#fieldSelectors()}.
   *
   * @throws StatusException BadRequest {@code field label not supported: X}
   */
  public FieldSelector validate(ResourceType type) {
    for (Term t : terms) {
      String f = t.field();
      if (!f.equals("metadata.name")
          && !f.equals("metadata.namespace")
          && !type.fieldSelectors().contains(f)) {
        throw StatusException.badRequest("field label not supported: " + f);
      }
    }
    return this;
  }

  /** Whether the object's fields (read from its JSON tree, missing = "") satisfy every term. */
  public boolean matches(ObjectNode object) {
    for (Term t : terms) {
      if (!t.matches(object)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  public List<Term> terms() {
    return terms;
  }

  /** The value {@code field=value} requires, if any: lets a store look one object up by name. */
  public Optional<String> requiresExactMatch(String field) {
    return terms.stream()
        .filter(t -> t.equal() && t.field().equals(field))
        .map(Term::value)
        .findFirst();
  }

  @Override
  public String toString() {
    return terms.stream().map(Term::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector other && terms.equals(other.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** Splits on commas not escaped by a backslash; the backslashes stay in the terms. */
  private static List<String> splitTerms(String s) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Splits at the first "!=", "==" or "=" (checked in that order at each position). */
  private static Term term(String selector, String part) {
    for (int i = 0; i < part.length(); i++) {
      String field = part.substring(0, i);
      if (part.startsWith("!=", i)) {
        return new Term(field, false, unescape(part.substring(i + 2)));
      }
      if (part.startsWith("==", i)) {
        return new Term(field, true, unescape(part.substring(i + 2)));
      }
      if (part.charAt(i) == '=') {
        return new Term(field, true, unescape(part.substring(i + 1)));
      }
    }
    throw StatusException.badRequest(
        "invalid selector: '" + selector + "'; can't understand '" + part + "'");
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (escaped) {
        if (c != '\\' && c != ',' && c != '=') {
          throw StatusException.badRequest(
              "invalid field selector: invalid escape sequence: \\" + c);
        }
        out.append(c);
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',' || c == '=') {
        throw StatusException.badRequest(
            "invalid field selector: unescaped character in value: '" + c + "'");
      } else {
        out.append(c);
      }
    }
    if (escaped) {
      throw StatusException.badRequest("invalid field selector: invalid escape sequence: \\");
    }
    return out.toString();
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }
}
