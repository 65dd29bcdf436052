package dev.skiff.api.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.skiff.api.Json;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.status.GoText;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusCause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * field.ErrorList: validation problems, one {@link StatusCause} per field, with the messages of
 * apimachinery's field.Error ({@code Invalid value: "X": detail}, {@code Required value}, ...).
 */
public final class ErrorList {
  /** Go's encoding/json writes map keys sorted. */
  private static final ObjectMapper SORTED =
      Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final List<StatusCause> causes = new ArrayList<>();

  public ErrorList required(FieldPath path, String detail) {
    return add(Reason.FIELD_VALUE_REQUIRED, path, withDetail("Required value", detail));
  }

  public ErrorList forbidden(FieldPath path, String detail) {
    return add(Reason.FIELD_VALUE_FORBIDDEN, path, withDetail("Forbidden", detail));
  }

  public ErrorList invalid(FieldPath path, Object value, String detail) {
    return add(
        Reason.FIELD_VALUE_INVALID, path, withDetail("Invalid value: " + render(value), detail));
  }

  /** field.TypeInvalid: a value of the wrong type (as a schema validator reports it). */
  public ErrorList typeInvalid(FieldPath path, Object value, String detail) {
    return add(
        "FieldValueTypeInvalid", path, withDetail("Invalid value: " + render(value), detail));
  }

  /** One Invalid cause per message, as callers of the {@link Names} checks do. */
  public ErrorList invalidEach(FieldPath path, Object value, List<String> messages) {
    messages.forEach(m -> invalid(path, value, m));
    return this;
  }

  public ErrorList notSupported(FieldPath path, Object value, List<String> supported) {
    StringBuilder detail = new StringBuilder();
    for (String s : supported) {
      detail.append(detail.isEmpty() ? "supported values: " : ", ").append(quote(s));
    }
    return add(
        Reason.FIELD_VALUE_NOT_SUPPORTED,
        path,
        withDetail("Unsupported value: " + render(value), detail.toString()));
  }

  public ErrorList duplicate(FieldPath path, Object value) {
    return duplicate(path, value, "");
  }

  public ErrorList duplicate(FieldPath path, Object value, String detail) {
    return add(
        Reason.FIELD_VALUE_DUPLICATE,
        path,
        withDetail("Duplicate value: " + render(value), detail));
  }

  public ErrorList notFound(FieldPath path, Object value) {
    return add("FieldValueNotFound", path, "Not found: " + render(value));
  }

  public ErrorList tooLong(FieldPath path, int maxLength) {
    return add(
        Reason.FIELD_VALUE_TOO_LONG,
        path,
        "Too long: may not be more than " + maxLength + (maxLength == 1 ? " byte" : " bytes"));
  }

  public ErrorList tooMany(FieldPath path, int actual, int max) {
    return add(
        "FieldValueTooMany", path, "Too many: " + actual + ": must have at most " + max + " items");
  }

  public ErrorList addAll(ErrorList other) {
    causes.addAll(other.causes);
    return this;
  }

  public boolean isEmpty() {
    return causes.isEmpty();
  }

  public int size() {
    return causes.size();
  }

  /** The causes, identical ones once (as ToAggregate prints them). */
  public List<StatusCause> causes() {
    Set<String> seen = new LinkedHashSet<>();
    List<StatusCause> out = new ArrayList<>();
    for (StatusCause c : causes) {
      if (seen.add(c.reason + "\u0000" + c.field + "\u0000" + c.message)) {
        out.add(c);
      }
    }
    return out;
  }

  private ErrorList add(String reason, FieldPath path, String message) {
    causes.add(new StatusCause(reason, message, path.toString()));
    return this;
  }

  private static String withDetail(String body, String detail) {
    return detail == null || detail.isEmpty() ? body : body + ": " + detail;
  }

  /** Go's rendering of a bad value: strings quoted, numbers and booleans bare, others as JSON. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Verbatim v) {
      return v.text();
    }
    if (value instanceof IntOrString ios) {
      return ios.isInt() ? ios.toString() : quote(ios.strValue());
    }
    try {
      return SORTED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /** A bad value already rendered as Kubernetes prints it. */
  record Verbatim(String text) {}

  /** Go's %q (strconv.Quote). */
  public static String quote(String s) {
    return GoText.quote(s);
  }
}
