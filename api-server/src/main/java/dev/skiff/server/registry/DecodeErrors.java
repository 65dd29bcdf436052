package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' answers for an object that does not decode into its kind's model, in Go's words:
 * {@code json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.port of
 * type int32}. A create or update body gets 400 BadRequest ({@code Service in version "v1" cannot
 * be handled as a Service: ...}); a patch whose result does not decode gets 422 Invalid on the
 * field {@code patch}, as kube-apiserver's patchers answer.
 */
final class DecodeErrors {
  private DecodeErrors() {}

  /** A body that does not decode; a patch turns it into {@link #patchResult}. */
  static final class Undecodable extends StatusException {
    private final String reason;

    private Undecodable(ResourceType type, String reason) {
      super(
          StatusException.badRequest(
                  type.kind()
                      + " in version \""
                      + type.version()
                      + "\" cannot be handled as a "
                      + type.kind()
                      + ": "
                      + reason)
              .status());
      this.reason = reason;
    }

    /**
     * 422 Invalid for the object a patch produced: kube-apiserver's {@code NewInvalid} with an
     * empty kind and name, the patched object quoted in the cause.
     */
    StatusException patchResult(ObjectNode patched) {
      String value = Json.toString(patched).replace("\\", "\\\\").replace("\"", "\\\"");
      StatusCause cause =
          new StatusCause(
              Reason.FIELD_VALUE_INVALID, "Invalid value: \"" + value + "\": " + reason, "patch");
      return new StatusException(
          Status.failure(
              422,
              Reason.INVALID,
              " \"\" is invalid: " + cause,
              new StatusDetails().withCauses(List.of(cause))));
    }
  }

  static Undecodable of(ResourceType type, ObjectNode object, JsonMappingException e) {
    return new Undecodable(type, goMessage(object, e));
  }

  /** Go's encoding/json message when the failure is at a field; Jackson's own otherwise. */
  static String goMessage(ObjectNode object, JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    List<String> fields = new ArrayList<>();
    JsonMappingException.Reference field = null;
    JsonNode value = object;
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        fields.add(ref.getFieldName());
        field = ref;
        value = value.path(ref.getFieldName());
      } else {
        value = value.path(ref.getIndex());
      }
    }
    Type target = field == null ? null : declaredType(field);
    if (target == null || value.isMissingNode()) {
      return e.getOriginalMessage();
    }
    if (path.get(path.size() - 1).getFieldName() == null) {
      target = elementType(target);
    }
    return "json: cannot unmarshal "
        + describe(value, target)
        + " into Go struct field "
        + structName(field)
        + "."
        + String.join(".", fields)
        + " of type "
        + goType(target);
  }

  private static Type declaredType(JsonMappingException.Reference ref) {
    Object from = ref.getFrom();
    Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    if (owner == null || Map.class.isAssignableFrom(owner)) {
      return null;
    }
    try {
      Field f = owner.getField(ref.getFieldName());
      return f.getGenericType();
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static String structName(JsonMappingException.Reference ref) {
    Object from = ref.getFrom();
    return (from instanceof Class<?> c ? c : from.getClass()).getSimpleName();
  }

  private static Type elementType(Type type) {
    return type instanceof ParameterizedType p
        ? p.getActualTypeArguments()[p.getActualTypeArguments().length - 1]
        : type;
  }

  /** Go's name for the JSON value: {@code number 80.5} where an integer was expected. */
  private static String describe(JsonNode value, Type target) {
    if (value.isNumber()) {
      return isInteger(target) ? "number " + value.asText() : "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    return value.isArray() ? "array" : "object";
  }

  private static boolean isInteger(Type type) {
    return type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class;
  }

  /** Go's name for the model's type: int32, []v1.ServicePort, map[string]string. */
  static String goType(Type type) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type last = elementType(p);
      return raw == Map.class ? "map[string]" + goType(last) : "[]" + goType(last);
    }
    if (type == Integer.class || type == int.class) {
      return "int32";
    }
    if (type == Long.class || type == long.class) {
      return "int64";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "bool";
    }
    if (type == String.class) {
      return "string";
    }
    if (type == Double.class || type == double.class) {
      return "float64";
    }
    return type instanceof Class<?> c ? "v1." + c.getSimpleName() : type.getTypeName();
  }
}
