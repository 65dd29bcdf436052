package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.StatusException;

/**
 * JSON patch, RFC 6902 ({@code application/json-patch+json}): a list of add, remove, replace, move,
 * copy and test operations addressed by JSON pointers, applied in order, all or nothing.
 *
 * <p>Errors follow kube-apiserver: a body that is not an array of objects is 400 BadRequest; more
 * than {@value #MAX_OPERATIONS} operations is 413; an operation that does not apply (unknown op,
 * missing field, bad or absent path, failed test) is 422 Invalid with the message "the server
 * rejected our request due to an error in our request" and one cause naming the path.
 */
public final class JsonPatch {
  /** kube-apiserver's limit on the operations of one JSON patch. */
  public static final int MAX_OPERATIONS = 10_000;

  private JsonPatch() {}

  /** The result of applying {@code patch} to {@code target}; neither argument is modified. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ArrayNode operations)) {
      throw PatchErrors.badRequest("a JSON patch must be a JSON array of operations");
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw StatusException.tooLarge(
          "The allowed maximum operations in a JSON patch is "
              + MAX_OPERATIONS
              + ", got "
              + operations.size());
    }
    for (JsonNode operation : operations) {
      if (!operation.isObject()) {
        throw PatchErrors.badRequest("every JSON patch operation must be a JSON object");
      }
    }
    JsonNode document = target.deepCopy();
    for (JsonNode operation : operations) {
      document = applyOne(document, (ObjectNode) operation);
    }
    return document;
  }

  private static JsonNode applyOne(JsonNode document, ObjectNode operation) {
    String op = text(operation, "op", "");
    Pointer path = Pointer.parse(text(operation, "path", op));
    return switch (op) {
      case "add" -> add(document, path, value(operation, path).deepCopy());
      case "remove" -> remove(document, path);
      case "replace" -> replace(document, path, value(operation, path).deepCopy());
      case "move" -> move(document, Pointer.parse(text(operation, "from", op)), path);
      case "copy" ->
          add(
              document,
              path,
              Pointer.parse(text(operation, "from", op)).resolve(document).deepCopy());
      case "test" -> test(document, path, value(operation, path));
      default ->
          throw PatchErrors.notApplicable(
              path.text(), "unknown JSON patch operation \"" + op + "\"");
    };
  }

  private static JsonNode add(JsonNode document, Pointer path, JsonNode value) {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = path.resolveParent(document);
    if (parent instanceof ObjectNode object) {
      object.set(path.last(), value);
    } else if (parent instanceof ArrayNode array) {
      array.insert(path.index(path.last(), array.size(), true), value);
    } else {
      throw notContainer(path);
    }
    return document;
  }

  private static JsonNode remove(JsonNode document, Pointer path) {
    if (path.isRoot()) {
      throw PatchErrors.notApplicable(path.text(), "the whole document cannot be removed");
    }
    JsonNode parent = path.resolveParent(document);
    if (parent instanceof ObjectNode object) {
      if (object.remove(path.last()) == null) {
        throw missing(path);
      }
    } else if (parent instanceof ArrayNode array) {
      array.remove(path.index(path.last(), array.size(), false));
    } else {
      throw notContainer(path);
    }
    return document;
  }

  private static JsonNode replace(JsonNode document, Pointer path, JsonNode value) {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = path.resolveParent(document);
    if (parent instanceof ObjectNode object) {
      if (!object.has(path.last())) {
        throw missing(path);
      }
      object.set(path.last(), value);
    } else if (parent instanceof ArrayNode array) {
      array.set(path.index(path.last(), array.size(), false), value);
    } else {
      throw notContainer(path);
    }
    return document;
  }

  private static JsonNode move(JsonNode document, Pointer from, Pointer path) {
    if (from.tokens().equals(path.tokens())) {
      from.resolve(document);
      return document;
    }
    if (from.isProperPrefixOf(path)) {
      throw PatchErrors.notApplicable(path.text(), "a value cannot be moved into itself");
    }
    JsonNode value = from.resolve(document);
    return add(remove(document, from), path, value);
  }

  private static JsonNode test(JsonNode document, Pointer path, JsonNode expected) {
    if (!JsonValues.same(path.resolve(document), expected)) {
      throw PatchErrors.notApplicable(
          path.text(), "testing value " + path.text() + " failed: test failed");
    }
    return document;
  }

  private static String text(ObjectNode operation, String field, String op) {
    JsonNode value = operation.get(field);
    if (value == null || !value.isTextual()) {
      throw PatchErrors.notApplicable(
          field,
          "the JSON patch operation "
              + (op.isEmpty() ? "" : "\"" + op + "\" ")
              + "needs a string \""
              + field
              + "\"");
    }
    return value.textValue();
  }

  private static JsonNode value(ObjectNode operation, Pointer path) {
    JsonNode value = operation.get("value");
    if (value == null) {
      throw PatchErrors.notApplicable(path.text(), "the JSON patch operation needs a \"value\"");
    }
    return value;
  }

  private static StatusException missing(Pointer path) {
    return PatchErrors.notApplicable(path.text(), "the path does not exist in the object");
  }

  private static StatusException notContainer(Pointer path) {
    return PatchErrors.notApplicable(
        path.text(), "the parent of the path is neither an object nor an array");
  }
}
