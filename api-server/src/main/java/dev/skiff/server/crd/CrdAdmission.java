package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.api.validation.ErrorList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Admission of a CustomResourceDefinition: Kubernetes' defaults (singular and listKind from the
 * kind, conversion None), validation ({@link CrdValidation}), the cleanup finalizer on create, and
 * the status the naming and establishing controllers would write: acceptedNames, the conditions
 * NamesAccepted and Established (False with the conflicting name when another CRD of the group
 * holds it), storedVersions.
 */
final class CrdAdmission {
  /** Held until the CRD's instances are gone. */
  static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

  private final CustomKinds kinds;
  private final Clock clock;

  CrdAdmission(CustomKinds kinds, Clock clock) {
    this.kinds = kinds;
    this.clock = clock;
  }

  ObjectNode admit(ObjectNode crd, ObjectNode old) {
    defaults(crd);
    ErrorList errs = CrdValidation.validate(crd, old);
    String name = crd.path("metadata").path("name").asText("");
    if (!errs.isEmpty()) {
      throw StatusException.invalid(
          Resources.CUSTOMRESOURCEDEFINITIONS.group(),
          Resources.CUSTOMRESOURCEDEFINITIONS.kind(),
          Resources.CUSTOMRESOURCEDEFINITIONS.kind(),
          name,
          errs.causes());
    }
    ObjectNode meta = (ObjectNode) crd.get("metadata");
    if (old == null && !crd.path("metadata").hasNonNull("deletionTimestamp")) {
      ArrayNode finalizers = meta.withArray("finalizers");
      boolean present = false;
      for (JsonNode f : finalizers) {
        present |= CLEANUP_FINALIZER.equals(f.asText());
      }
      if (!present) {
        finalizers.add(CLEANUP_FINALIZER);
      }
    }
    status(crd, old);
    return crd;
  }

  private static void defaults(ObjectNode crd) {
    ObjectNode spec = crd.with("spec");
    ObjectNode names = spec.with("names");
    String kind = names.path("kind").asText("");
    if (!kind.isEmpty()) {
      if (names.path("singular").asText("").isEmpty()) {
        names.put("singular", kind.toLowerCase(Locale.ROOT));
      }
      if (names.path("listKind").asText("").isEmpty()) {
        names.put("listKind", kind + "List");
      }
    }
    if (!spec.has("conversion")) {
      spec.putObject("conversion").put("strategy", "None");
    }
  }

  private void status(ObjectNode crd, ObjectNode old) {
    JsonNode previous = old == null ? crd.path("status") : old.path("status");
    ObjectNode status = crd.putObject("status");
    JsonNode names = crd.path("spec").path("names");
    String conflict = conflict(crd);
    List<ObjectNode> conditions = new ArrayList<>();
    if (conflict == null) {
      status.set("acceptedNames", names.deepCopy());
      conditions.add(
          condition(previous, "NamesAccepted", "True", "NoConflicts", "no conflicts found"));
      conditions.add(
          condition(
              previous,
              "Established",
              "True",
              "InitialNamesAccepted",
              "the initial names have been accepted"));
    } else {
      JsonNode accepted = previous.path("acceptedNames");
      status.set(
          "acceptedNames",
          accepted.isObject()
              ? accepted.deepCopy()
              : crd.objectNode().put("plural", "").put("kind", ""));
      conditions.add(
          condition(
              previous,
              "NamesAccepted",
              "False",
              conflict.split(" ", 2)[0],
              conflict.split(" ", 2)[1]));
      conditions.add(
          condition(previous, "Established", "False", "NotAccepted", "not all names are accepted"));
    }
    if (crd.path("metadata").hasNonNull("deletionTimestamp")) {
      conditions.add(
          condition(
              previous,
              "Terminating",
              "True",
              "InstanceDeletionInProgress",
              "CustomResource deletion is in progress"));
    }
    ArrayNode array = status.putArray("conditions");
    conditions.forEach(array::add);
    ArrayNode stored = status.putArray("storedVersions");
    previous.path("storedVersions").forEach(v -> stored.add(v.asText()));
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("storage").asBoolean(false)) {
        String version = v.path("name").asText();
        boolean known = false;
        for (JsonNode s : stored) {
          known |= s.asText().equals(version);
        }
        if (!known) {
          stored.add(version);
        }
      }
    }
  }

  /** "Reason message" of the first name another CRD of the group holds, or null. */
  private String conflict(ObjectNode crd) {
    String name = crd.path("metadata").path("name").asText();
    JsonNode names = crd.path("spec").path("names");
    String group = crd.path("spec").path("group").asText();
    String plural = names.path("plural").asText();
    String kind = names.path("kind").asText();
    for (CustomKind other : kinds.all()) {
      if (other.name().equals(name) || !other.group().equals(group) || !other.established()) {
        continue;
      }
      if (other.plural().equals(plural)) {
        return "PluralConflict \"" + plural + "\" is already in use";
      }
      if (other.kind().equals(kind)) {
        return "KindConflict \"" + kind + "\" is already in use";
      }
    }
    return null;
  }

  /** A condition; its lastTransitionTime is kept while its status does not change. */
  private ObjectNode condition(
      JsonNode previous, String type, String status, String reason, String message) {
    String since = Times.now(clock);
    for (JsonNode c : previous.path("conditions")) {
      if (type.equals(c.path("type").asText()) && status.equals(c.path("status").asText())) {
        since = c.path("lastTransitionTime").asText(since);
      }
    }
    ObjectNode c = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    c.put("type", type);
    c.put("status", status);
    c.put("lastTransitionTime", since);
    c.put("reason", reason);
    c.put("message", message);
    return c;
  }
}
