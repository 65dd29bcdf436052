package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.validation.ErrorList;
import dev.skiff.api.validation.FieldPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validation of a custom resource by its structural OpenAPI v3 schema, with the messages
 * kube-apiserver gives (kube-openapi's validator as apiextensions-apiserver renders its results):
 * {@code spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer:
 * "string"}. Checks type, nullable, x-kubernetes-int-or-string, required, enum, pattern, format,
 * minimum/maximum (exclusive too), multipleOf, minLength/maxLength, minItems/maxItems, uniqueItems,
 * minProperties/maxProperties, and allOf/anyOf/oneOf/not. CEL rules ({@code
 * x-kubernetes-validations}) are not evaluated.
 */
public final class SchemaValidation {
  private SchemaValidation() {}

  /** Validates {@code object} (a whole custom resource) and returns the problems found. */
  public static ErrorList validate(JsonNode object, JsonNode schema) {
    ErrorList errs = new ErrorList();
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return errs;
    }
    validateObjectFields(object, schema, null, errs, true);
    return errs;
  }

  private static void validate(JsonNode value, JsonNode schema, FieldPath path, ErrorList errs) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
        typeError(path, "null", schema.path("type").asText(), errs);
      }
      return;
    }
    if (!typeMatches(value, schema, path, errs)) {
      return;
    }
    enumeration(value, schema, path, errs);
    if (value.isTextual()) {
      strings(value.asText(), schema, path, errs);
    } else if (value.isNumber()) {
      numbers(value, schema, path, errs);
    } else if (value.isArray()) {
      arrays(value, schema, path, errs);
    } else if (value.isObject()) {
      validateObjectFields(value, schema, path, errs, false);
    }
    combinators(value, schema, path, errs);
  }

  private static boolean typeMatches(
      JsonNode value, JsonNode schema, FieldPath path, ErrorList errs) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (value.isTextual() || isInteger(value)) {
        return true;
      }
      typeError(path, typeName(value), "integer,string", errs);
      return false;
    }
    String type = schema.path("type").asText("");
    boolean ok =
        switch (type) {
          case "" -> true;
          case "object" -> value.isObject();
          case "array" -> value.isArray();
          case "string" -> value.isTextual();
          case "integer" -> isInteger(value);
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> true;
        };
    if (!ok) {
      typeError(path, typeName(value), type, errs);
    }
    return ok;
  }

  private static void typeError(FieldPath path, String actual, String expected, ErrorList errs) {
    errs.typeInvalid(
        path,
        actual,
        name(path) + " in body must be of type " + expected + ": " + ErrorList.quote(actual));
  }

  private static void enumeration(JsonNode value, JsonNode schema, FieldPath path, ErrorList errs) {
    JsonNode values = schema.path("enum");
    if (!values.isArray() || values.isEmpty()) {
      return;
    }
    for (JsonNode allowed : values) {
      if (sameValue(allowed, value)) {
        return;
      }
    }
    List<String> supported = new ArrayList<>();
    values.forEach(v -> supported.add(v.isTextual() ? v.asText() : v.toString()));
    errs.notSupported(path, plain(value), supported);
  }

  private static void strings(String s, JsonNode schema, FieldPath path, ErrorList errs) {
    int length = s.codePointCount(0, s.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
      errs.tooLong(path, schema.get("maxLength").asInt());
    }
    if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
      errs.invalid(
          path,
          s,
          name(path)
              + " in body should be at least "
              + schema.get("minLength").asLong()
              + " chars long");
    }
    if (schema.has("pattern")) {
      String pattern = schema.get("pattern").asText();
      try {
        if (!Pattern.compile(pattern).matcher(s).find()) {
          errs.invalid(path, s, name(path) + " in body should match '" + pattern + "'");
        }
      } catch (PatternSyntaxException e) {
        // the CRD's validation refuses such patterns; one stored before is not enforced
      }
    }
    String format = schema.path("format").asText("");
    if (!format.isEmpty() && !Formats.valid(format, s)) {
      errs.typeInvalid(
          path, s, name(path) + " in body must be of type " + format + ": " + ErrorList.quote(s));
    }
  }

  private static void numbers(JsonNode value, JsonNode schema, FieldPath path, ErrorList errs) {
    BigDecimal v = value.decimalValue();
    Object shown = plain(value);
    bound(v, shown, schema, true, path, errs);
    bound(v, shown, schema, false, path, errs);
    if (schema.has("multipleOf")) {
      BigDecimal factor = schema.get("multipleOf").decimalValue();
      if (factor.signum() != 0 && v.remainder(factor).signum() != 0) {
        errs.invalid(
            path, shown, name(path) + " in body should be a multiple of " + number(factor));
      }
    }
  }

  /** minimum (lower) or maximum, exclusive or not. */
  private static void bound(
      BigDecimal v, Object shown, JsonNode schema, boolean lower, FieldPath path, ErrorList errs) {
    JsonNode limit = schema.path(lower ? "minimum" : "maximum");
    if (!limit.isNumber()) {
      return;
    }
    boolean exclusive =
        schema.path(lower ? "exclusiveMinimum" : "exclusiveMaximum").asBoolean(false);
    int c = lower ? v.compareTo(limit.decimalValue()) : limit.decimalValue().compareTo(v);
    if (exclusive ? c <= 0 : c < 0) {
      errs.invalid(
          path,
          shown,
          name(path)
              + " in body should be "
              + (lower ? "greater" : "less")
              + " than "
              + (exclusive ? "" : "or equal to ")
              + number(limit.decimalValue()));
    }
  }

  private static void arrays(JsonNode array, JsonNode schema, FieldPath path, ErrorList errs) {
    int size = array.size();
    if (schema.has("maxItems") && size > schema.get("maxItems").asLong()) {
      errs.tooMany(path, size, schema.get("maxItems").asInt());
    }
    if (schema.has("minItems") && size < schema.get("minItems").asLong()) {
      errs.invalid(
          path,
          size,
          name(path)
              + " in body should have at least "
              + schema.get("minItems").asLong()
              + " items");
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : array) {
        if (!seen.add(item)) {
          errs.duplicate(path, plain(item));
          break;
        }
      }
    }
    if (schema.path("x-kubernetes-list-type").asText("").equals("set")) {
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < size; i++) {
        if (!seen.add(array.get(i))) {
          errs.duplicate(path.index(i), plain(array.get(i)));
        }
      }
    }
    JsonNode items = schema.path("items");
    if (items.isObject()) {
      for (int i = 0; i < size; i++) {
        validate(array.get(i), items, path.index(i), errs);
      }
    }
  }

  private static void validateObjectFields(
      JsonNode object, JsonNode schema, FieldPath path, ErrorList errs, boolean root) {
    for (JsonNode required : schema.path("required")) {
      String field = required.asText();
      if (!object.has(field)) {
        errs.required(child(path, field), "");
      }
    }
    int count = object.size();
    if (schema.has("maxProperties") && count > schema.get("maxProperties").asLong()) {
      errs.tooMany(
          path == null ? FieldPath.root("<root>") : path,
          count,
          schema.get("maxProperties").asInt());
    }
    if (schema.has("minProperties") && count < schema.get("minProperties").asLong()) {
      errs.invalid(
          path == null ? FieldPath.root("<root>") : path,
          count,
          name(path)
              + " in body should have at least "
              + schema.get("minProperties").asLong()
              + " properties");
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (Map.Entry<String, JsonNode> field : iterable(object)) {
      String name = field.getKey();
      if (root && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
        continue;
      }
      JsonNode s = properties.has(name) ? properties.get(name) : additional;
      if (s.isObject()) {
        validate(field.getValue(), s, child(path, name), errs);
      }
    }
    if (root) {
      combinators(object, schema, path, errs);
    }
  }

  private static void combinators(JsonNode value, JsonNode schema, FieldPath path, ErrorList errs) {
    for (JsonNode sub : schema.path("allOf")) {
      validate(value, sub, pathOrRoot(path), errs);
    }
    JsonNode anyOf = schema.path("anyOf");
    if (anyOf.isArray() && !anyOf.isEmpty()) {
      boolean any = false;
      for (JsonNode sub : anyOf) {
        any |= valid(value, sub, path);
      }
      if (!any) {
        errs.invalid(pathOrRoot(path), plain(value), "must validate at least one schema (anyOf)");
      }
    }
    JsonNode oneOf = schema.path("oneOf");
    if (oneOf.isArray() && !oneOf.isEmpty()) {
      int matches = 0;
      for (JsonNode sub : oneOf) {
        matches += valid(value, sub, path) ? 1 : 0;
      }
      if (matches != 1) {
        errs.invalid(
            pathOrRoot(path), plain(value), "must validate one and only one schema (oneOf)");
      }
    }
    if (schema.path("not").isObject() && valid(value, schema.get("not"), path)) {
      errs.invalid(pathOrRoot(path), plain(value), "must not validate the schema (not)");
    }
  }

  private static boolean valid(JsonNode value, JsonNode schema, FieldPath path) {
    ErrorList errs = new ErrorList();
    validate(value, schema, pathOrRoot(path), errs);
    return errs.isEmpty();
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    object.fields().forEachRemaining(out::add);
    return out;
  }

  private static FieldPath child(FieldPath path, String field) {
    return path == null ? FieldPath.root(field) : path.child(field);
  }

  private static FieldPath pathOrRoot(FieldPath path) {
    return path == null ? FieldPath.root("<root>") : path;
  }

  private static String name(FieldPath path) {
    return path == null ? "body" : path.toString();
  }

  private static boolean isInteger(JsonNode value) {
    if (value.isIntegralNumber()) {
      return true;
    }
    if (!value.isNumber()) {
      return false;
    }
    BigDecimal d = value.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /** Go's JSON type names, as kube-openapi reports a value's type. */
  static String typeName(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isNumber()) {
      return isInteger(value) ? "integer" : "number";
    }
    return value.isArray() ? "array" : "object";
  }

  /** A JSON value as a plain Java value, so messages render it as Go does. */
  static Object plain(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber()) {
      return isInteger(value) ? (Object) value.bigIntegerValue() : (Object) value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return Json.mapper().convertValue(value, Object.class);
  }

  private static String number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
  }
}
