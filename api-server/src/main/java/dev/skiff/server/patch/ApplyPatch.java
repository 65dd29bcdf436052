package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) in its minimal form: the applied
 * configuration, YAML or JSON, is merged into the live object with strategic-merge semantics, so
 * keyed lists merge by key, other lists are replaced, and fields the configuration does not mention
 * are kept. That makes kubectl's second {@code kubectl-last-applied} apply, which carries only
 * metadata, add its annotation without wiping the spec.
 *
 * <p>Not implemented: managedFields, field ownership and conflicts, and removal of fields a manager
 * stopped applying. Creating the object when it is absent is the HTTP layer's job: apply {@link
 * #parse the configuration} to an empty object, or use it as is.
 */
public final class ApplyPatch {
  private ApplyPatch() {}

  /**
   * The applied configuration of a request body.
   *
   * @throws dev.skiff.api.status.StatusException 400 BadRequest when the body is not a YAML or JSON
   *     object
   */
  public static ObjectNode parse(byte[] body) {
    JsonNode node = PatchBodies.yaml(body);
    if (!(node instanceof ObjectNode object)) {
      throw PatchErrors.badRequest(
          "error decoding YAML: the applied configuration must be an object");
    }
    return object;
  }

  /** The result of applying {@code applied} to {@code live}; neither argument is modified. */
  public static ObjectNode apply(ObjectNode live, ObjectNode applied, MergeKeys keys) {
    return StrategicMergePatch.apply(live, applied, keys);
  }
}
