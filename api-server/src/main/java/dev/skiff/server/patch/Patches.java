package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one entry point for PATCH bodies: picks the patch type from the Content-Type and applies the
 * body to the live object. Pure functions on Jackson trees; nothing here does I/O.
 *
 * <p>What the result may contain: exactly what the patch produced. A patch can change {@code
 * apiVersion}, {@code kind}, {@code metadata.name}, {@code namespace}, {@code uid}, {@code
 * resourceVersion} or any server-owned field, or remove them; this class does not restore or reject
 * such changes. Guarding immutable fields, the resourceVersion precondition (see {@link
 * #resourceVersionPrecondition}) and create-on-apply are the HTTP layer's policy. The result never
 * contains a {@code $}-prefixed key, whatever the patch type: strategic-merge and apply patches
 * interpret the directives ({@code $patch}, {@code $retainKeys}, {@code $setElementOrder/...},
 * {@code $deleteFromPrimitiveList/...}) and reject other {@code $} keys with 400; merge and JSON
 * patches do not interpret them, and such keys are dropped from their result, as the real server
 * drops unknown fields.
 *
 * <p>Every failure is a {@link dev.skiff.api.status.StatusException}: 415 for an unknown type, 400
 * for an undecodable, malformed or too deeply nested body ({@link Nesting}), 413 for an oversized
 * JSON patch, 422 Invalid for a JSON patch that does not apply or a patch whose result is not an
 * object.
 */
public final class Patches {
  private Patches() {}

  /** The accepted patch media types, comma-separated, as the real server lists them. */
  public static String acceptedTypes() {
    return Arrays.stream(PatchType.values())
        .map(PatchType::contentType)
        .collect(Collectors.joining(", "));
  }

  /**
   * The patch type of a Content-Type header value. Parameters ({@code ; charset=utf-8}) and case
   * are ignored.
   *
   * @throws StatusException 415 UnsupportedMediaType naming the accepted types, with the real
   *     server's message, when the type is missing or not a patch type
   */
  public static PatchType patchType(String contentType) {
    PatchType type = PatchType.ofContentType(contentType);
    if (type == null) {
      throw StatusException.unsupportedMediaType(
          "the body of the request was in an unknown format - accepted media types include: "
              + acceptedTypes());
    }
    return type;
  }

  /**
   * Applies a PATCH body to {@code live}, which is not modified.
   *
   * @param contentType the request's Content-Type; parameters such as {@code charset} are ignored
   * @param type the kind being patched, which selects the strategic-merge list keys; null for a
   *     kind without keyed lists
   */
  public static ObjectNode apply(
      ObjectNode live, byte[] body, String contentType, ResourceType type) {
    return apply(live, body, patchType(contentType), type);
  }

  /** As {@link #apply(ObjectNode, byte[], String, ResourceType)}, for a known patch type. */
  public static ObjectNode apply(
      ObjectNode live, byte[] body, PatchType patchType, ResourceType type) {
    MergeKeys keys = MergeKeys.forKind(type == null ? null : type.kind());
    // Bodies are read with the nesting limit, and live objects are within it, so the appliers'
    // recursion is bounded; the result can still be deeper than either, and is checked.
    JsonNode result =
        switch (patchType) {
          case MERGE -> MergePatch.apply(live, PatchBodies.json(body));
          case JSON -> JsonPatch.apply(live, PatchBodies.json(body));
          case STRATEGIC -> StrategicMergePatch.apply(live, PatchBodies.json(body), keys);
          case APPLY -> ApplyPatch.apply(live, ApplyPatch.parse(body), keys);
        };
    if (!(result instanceof ObjectNode object)) {
      throw PatchErrors.notAnObject();
    }
    Nesting.check(object);
    Directives.strip(object);
    return object;
  }

  /**
   * The {@code metadata.resourceVersion} a PATCH body sets, if any: the precondition the HTTP layer
   * compares with the live object's, answering 409 Conflict when they differ. For a JSON patch, the
   * value of the last add or replace of {@code /metadata/resourceVersion}. An empty string or a
   * null means no precondition.
   *
   * @throws dev.skiff.api.status.StatusException 415 or 400, as {@link #apply} would
   */
  public static Optional<String> resourceVersionPrecondition(byte[] body, String contentType) {
    PatchType patchType = patchType(contentType);
    JsonNode patch = patchType == PatchType.APPLY ? PatchBodies.yaml(body) : PatchBodies.json(body);
    JsonNode version = null;
    if (patchType == PatchType.JSON) {
      for (JsonNode operation : patch) {
        String op = operation.path("op").asText();
        if ((op.equals("add") || op.equals("replace"))
            && operation.path("path").asText().equals("/metadata/resourceVersion")) {
          version = operation.get("value");
        }
      }
    } else {
      version = patch.path("metadata").get("resourceVersion");
    }
    if (version == null
        || !version.isValueNode()
        || version.isNull()
        || version.asText().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(version.asText());
  }
}
