package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import java.util.List;

/**
 * Computes the object to store from the current one and a client's full object (PUT, or the result
 * of a patch): resourceVersion precondition, server-owned metadata kept, status semantics of the
 * status subresource, defaulting and validation, and the generation bump on spec changes.
 */
final class UpdatePolicy {
  private static final List<String> SERVER_OWNED =
      List.of(
          "uid",
          "creationTimestamp",
          "generation",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "resourceVersion");

  private final Admission admission;

  UpdatePolicy(Admission admission) {
    this.admission = admission;
  }

  /**
   * @param incoming the client's object, owned by this call
   * @return the object to write, or {@code current} itself when nothing changes
   */
  ObjectNode next(ResourceType type, ObjectNode current, ObjectNode incoming, Subresource sub) {
    TypeCheck.apiVersionAndKind(type, incoming);
    ObjectNode meta = Metadata.of(incoming);
    TypeCheck.namespace(type, Metadata.namespace(current), meta);
    TypeCheck.name(Metadata.name(current), meta);
    String rv = Metadata.resourceVersion(incoming);
    if (!rv.isEmpty() && !rv.equals(Metadata.resourceVersion(current))) {
      throw StatusException.conflict(type.group(), type.plural(), Metadata.name(current));
    }
    ObjectNode next;
    if (sub == Subresource.STATUS) {
      next = current.deepCopy();
      copyField(incoming, next, "status");
    } else {
      next = incoming;
      if (type.statusSubresource()) {
        copyField(current, next, "status");
      }
    }
    keepServerOwned(current, Metadata.of(next));
    next = admission.admit(type, next, current);
    if (type.hasSpec() && !JsonEquality.same(next.get("spec"), current.get("spec"))) {
      Metadata.of(next)
          .put("generation", current.path("metadata").path("generation").asLong(1) + 1);
    }
    return JsonEquality.same(next, current) ? current : next;
  }

  private static void keepServerOwned(ObjectNode current, ObjectNode meta) {
    JsonNode currentMeta = current.path("metadata");
    for (String field : SERVER_OWNED) {
      JsonNode value = currentMeta.get(field);
      if (value == null) {
        meta.remove(field);
      } else {
        meta.set(field, value.deepCopy());
      }
    }
    meta.remove("managedFields");
  }

  private static void copyField(ObjectNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value == null) {
      to.remove(field);
    } else {
      to.set(field, value.deepCopy());
    }
  }
}
