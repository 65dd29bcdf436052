package dev.skiff.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodSpec;
import dev.skiff.api.model.core.PodTemplateSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * ValidatePod / ValidatePodUpdate. On update only images, activeDeadlineSeconds, added tolerations
 * and (Skiff: like a binding) a first nodeName may change.
 */
public final class PodValidation {
  static final String UPDATE_FORBIDDEN =
      "pod updates may not change fields other than `spec.containers[*].image`,"
          + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only"
          + " additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to"
          + " be set to 1 if it was previously negative)";

  private PodValidation() {}

  public static void validate(Pod pod, ErrorList errs) {
    FieldPath meta = FieldPath.root("metadata");
    ObjectMetaValidation.validate(pod.metadata, true, NameRule.DNS1123_SUBDOMAIN, meta, errs);
    PodSpecValidation.validate(pod.spec, FieldPath.root("spec"), errs);
  }

  /** ValidatePodTemplateSpec: labels, annotations and the pod spec of a template. */
  public static void validateTemplate(PodTemplateSpec template, FieldPath path, ErrorList errs) {
    if (template.metadata != null) {
      ObjectMetaValidation.validateLabels(template.metadata.labels, path.child("labels"), errs);
      ObjectMetaValidation.validateAnnotations(
          template.metadata.annotations, path.child("annotations"), errs);
    }
    PodSpecValidation.validate(template.spec, path.child("spec"), errs);
  }

  /** The spec part of ValidatePodUpdate (metadata is checked by the caller). */
  static void validateUpdateSpec(Pod pod, Pod old, ErrorList errs) {
    PodSpec spec = pod.spec == null ? new PodSpec() : pod.spec;
    PodSpec oldSpec = old.spec == null ? new PodSpec() : old.spec;
    FieldPath specPath = FieldPath.root("spec");
    if (size(spec.containers) != size(oldSpec.containers)) {
      errs.forbidden(specPath.child("containers"), "pod updates may not add or remove containers");
      return;
    }
    if (size(spec.initContainers) != size(oldSpec.initContainers)) {
      errs.forbidden(
          specPath.child("initContainers"), "pod updates may not add or remove containers");
      return;
    }
    onlyAddedTolerations(spec, oldSpec, specPath.child("tolerations"), errs);
    ObjectNode munged = munge(spec, oldSpec);
    JsonNode before = tree(oldSpec);
    if (!munged.equals(before)) {
      errs.forbidden(specPath, UPDATE_FORBIDDEN + "\n" + changedFields(before, munged));
    }
  }

  /** The new spec with the fields that may change set back to the old values. */
  private static ObjectNode munge(PodSpec spec, PodSpec oldSpec) {
    PodSpec m = Json.copy(spec, PodSpec.class);
    copyImages(m.containers, oldSpec.containers);
    copyImages(m.initContainers, oldSpec.initContainers);
    m.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
    m.tolerations = oldSpec.tolerations;
    m.schedulingGates = oldSpec.schedulingGates;
    if (oldSpec.nodeName == null || oldSpec.nodeName.isEmpty()) {
      m.nodeName = oldSpec.nodeName;
    }
    if (oldSpec.terminationGracePeriodSeconds != null
        && oldSpec.terminationGracePeriodSeconds < 0
        && Long.valueOf(1).equals(m.terminationGracePeriodSeconds)) {
      m.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
    }
    return tree(m);
  }

  private static void copyImages(List<Container> target, List<Container> old) {
    if (target == null || old == null) {
      return;
    }
    for (int i = 0; i < target.size(); i++) {
      target.get(i).image = old.get(i).image;
    }
  }

  private static void onlyAddedTolerations(
      PodSpec spec, PodSpec old, FieldPath path, ErrorList errs) {
    if (old.tolerations == null || old.tolerations.isEmpty()) {
      return;
    }
    JsonNode now = tree(spec.tolerations == null ? List.of() : spec.tolerations);
    JsonNode before = tree(old.tolerations);
    for (JsonNode t : before) {
      if (!containsIgnoringSeconds(now, t)) {
        errs.forbidden(
            path, "existing toleration can not be modified except its tolerationSeconds");
        return;
      }
    }
  }

  private static boolean containsIgnoringSeconds(JsonNode array, JsonNode item) {
    ObjectNode wanted = ((ObjectNode) item).deepCopy();
    wanted.remove("tolerationSeconds");
    for (JsonNode n : array) {
      ObjectNode candidate = ((ObjectNode) n).deepCopy();
      candidate.remove("tolerationSeconds");
      if (candidate.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String changedFields(JsonNode before, JsonNode after) {
    List<String> changed = new ArrayList<>();
    Iterator<String> names = after.fieldNames();
    names.forEachRemaining(
        n -> {
          if (!after.get(n).equals(before.get(n))) {
            changed.add("spec." + n);
          }
        });
    before
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!after.has(n)) {
                changed.add("spec." + n);
              }
            });
    return "changed: " + String.join(", ", changed);
  }

  private static <T extends JsonNode> T tree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
