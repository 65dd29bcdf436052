package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import dev.skiff.api.validation.ErrorList;
import dev.skiff.api.validation.FieldPath;
import dev.skiff.api.validation.NameRule;
import dev.skiff.api.validation.ObjectMetaValidation;

/**
 * Admission of a custom resource, as apiextensions-apiserver's strategy does it: a create may not
 * set the status when the status subresource is on; unknown fields are pruned, defaults applied,
 * metadata and the version's schema validated (422 Invalid with the schema validator's messages);
 * the generation moves when anything but metadata (and status, with the subresource) changes.
 */
final class CustomResourceAdmission {
  private final CustomKinds kinds;

  CustomResourceAdmission(CustomKinds kinds) {
    this.kinds = kinds;
  }

  ObjectNode admit(ResourceType type, ObjectNode object, ObjectNode old) {
    CustomVersion version = (CustomVersion) type.custom();
    if (old == null) {
      refuseWhileTerminating(type, version);
      if (version.statusSubresource()) {
        object.remove("status");
      }
    }
    SchemaPruning.prune(object, version.schema());
    SchemaDefaulting.apply(object, version.schema());
    ErrorList errs = new ErrorList();
    ObjectMeta meta = Json.convert(object.path("metadata"), ObjectMeta.class);
    FieldPath metadata = FieldPath.root("metadata");
    ObjectMetaValidation.validate(
        meta, type.namespaced(), NameRule.DNS1123_SUBDOMAIN, metadata, errs);
    if (old != null) {
      ObjectMetaValidation.validateUpdate(
          meta, Json.convert(old.path("metadata"), ObjectMeta.class), metadata, errs);
    }
    errs.addAll(SchemaValidation.validate(object, version.schema()));
    if (!errs.isEmpty()) {
      throw StatusException.invalid(
          type.group(), type.kind(), type.kind(), meta.name, errs.causes());
    }
    if (old != null && !sameContent(object, old, version.statusSubresource())) {
      ((ObjectNode) object.get("metadata"))
          .put("generation", old.path("metadata").path("generation").asLong(1) + 1);
    }
    return object;
  }

  private void refuseWhileTerminating(ResourceType type, CustomVersion version) {
    boolean terminating =
        kinds.byName(version.definitionName()).map(CustomKind::terminating).orElse(false);
    if (terminating) {
      throw new StatusException(
          Status.failure(
              405,
              Reason.METHOD_NOT_ALLOWED,
              "create not allowed while custom resource definition is terminating",
              StatusDetails.of(type.group(), type.plural(), "")));
    }
  }

  /** Whether two versions of an object differ only in metadata (and status, when separate). */
  private static boolean sameContent(ObjectNode a, ObjectNode b, boolean ignoreStatus) {
    return content(a, ignoreStatus).equals(content(b, ignoreStatus));
  }

  private static JsonNode content(ObjectNode object, boolean ignoreStatus) {
    ObjectNode copy = object.deepCopy();
    copy.remove("metadata");
    copy.remove("apiVersion");
    copy.remove("kind");
    if (ignoreStatus) {
      copy.remove("status");
    }
    return copy;
  }
}
