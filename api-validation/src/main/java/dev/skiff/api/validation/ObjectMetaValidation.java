package dev.skiff.api.validation;

import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.api.names.Names;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** apimachinery ValidateObjectMeta / ValidateObjectMetaUpdate, plus labels and annotations. */
public final class ObjectMetaValidation {
  static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
  private static final Set<String> STANDARD_FINALIZERS =
      Set.of("kubernetes", "orphan", "foregroundDeletion");
  private static final String IMMUTABLE = "field is immutable";

  private ObjectMetaValidation() {}

  /**
   * Name required unless {@code generateName} is set (the server generates it before storing);
   * namespace required for namespaced kinds and forbidden for cluster-scoped ones.
   */
  public static void validate(
      ObjectMeta meta, boolean namespaced, NameRule nameRule, FieldPath path, ErrorList errs) {
    ObjectMeta m = meta == null ? new ObjectMeta() : meta;
    if (notEmpty(m.generateName)) {
      errs.invalidEach(
          path.child("generateName"), m.generateName, nameRule.check(m.generateName, true));
    }
    if (notEmpty(m.name)) {
      errs.invalidEach(path.child("name"), m.name, nameRule.check(m.name, false));
    } else if (!notEmpty(m.generateName)) {
      errs.required(path.child("name"), "name or generateName is required");
    }
    if (namespaced) {
      if (!notEmpty(m.namespace)) {
        errs.required(path.child("namespace"), "");
      } else {
        errs.invalidEach(path.child("namespace"), m.namespace, Names.isDns1123Label(m.namespace));
      }
    } else if (notEmpty(m.namespace)) {
      errs.forbidden(path.child("namespace"), "not allowed on this type");
    }
    if (m.generation != null && m.generation < 0) {
      errs.invalid(path.child("generation"), m.generation, "must be greater than or equal to 0");
    }
    validateLabels(m.labels, path.child("labels"), errs);
    validateAnnotations(m.annotations, path.child("annotations"), errs);
    validateOwnerReferences(m.ownerReferences, path.child("ownerReferences"), errs);
    validateFinalizers(m.finalizers, path.child("finalizers"), errs);
  }

  /** Name, namespace, uid and creationTimestamp may not change (empty uid/timestamp = kept). */
  public static void validateUpdate(
      ObjectMeta meta, ObjectMeta old, FieldPath path, ErrorList errs) {
    ObjectMeta m = meta == null ? new ObjectMeta() : meta;
    ObjectMeta o = old == null ? new ObjectMeta() : old;
    immutable(m.name, o.name, path.child("name"), errs);
    immutable(emptyToNull(m.namespace), emptyToNull(o.namespace), path.child("namespace"), errs);
    if (notEmpty(m.uid)) {
      immutable(m.uid, o.uid, path.child("uid"), errs);
    }
    if (notEmpty(m.creationTimestamp) && notEmpty(o.creationTimestamp)) {
      immutable(m.creationTimestamp, o.creationTimestamp, path.child("creationTimestamp"), errs);
    }
  }

  /** ValidateLabels: keys are qualified names, values label values; the path has no key. */
  public static void validateLabels(Map<String, String> labels, FieldPath path, ErrorList errs) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (k, v) -> {
          errs.invalidEach(path, k, Names.isQualifiedName(k));
          errs.invalidEach(path, v, Names.isValidLabelValue(v == null ? "" : v));
        });
  }

  public static void validateAnnotations(
      Map<String, String> annotations, FieldPath path, ErrorList errs) {
    if (annotations == null) {
      return;
    }
    long total = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      errs.invalidEach(
          path, e.getKey(), Names.isQualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT)));
      total += bytes(e.getKey()) + bytes(e.getValue());
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT);
    }
  }

  static void immutable(Object value, Object old, FieldPath path, ErrorList errs) {
    if (!Objects.equals(value, old)) {
      errs.invalid(path, value, IMMUTABLE);
    }
  }

  static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static void validateOwnerReferences(
      List<OwnerReference> refs, FieldPath path, ErrorList errs) {
    if (refs == null) {
      return;
    }
    String controller = null;
    for (OwnerReference r : refs) {
      if (!notEmpty(r.apiVersion)) {
        errs.invalid(
            path.child("apiVersion"), nullToEmpty(r.apiVersion), "version must not be empty");
      }
      if (!notEmpty(r.kind)) {
        errs.invalid(path.child("kind"), nullToEmpty(r.kind), "must not be empty");
      }
      if (!notEmpty(r.name)) {
        errs.invalid(path.child("name"), nullToEmpty(r.name), "must not be empty");
      }
      if (!notEmpty(r.uid)) {
        errs.invalid(path.child("uid"), nullToEmpty(r.uid), "must not be empty");
      }
      if (Boolean.TRUE.equals(r.controller)) {
        if (controller != null) {
          errs.invalid(
              path,
              refs,
              "Only one reference can have Controller set to true. Found \"true\" in references for "
                  + controller
                  + " and "
                  + r.kind
                  + "/"
                  + r.name);
        } else {
          controller = r.kind + "/" + r.name;
        }
      }
    }
  }

  private static void validateFinalizers(List<String> finalizers, FieldPath path, ErrorList errs) {
    if (finalizers == null) {
      return;
    }
    for (String f : finalizers) {
      validateFinalizerName(f, path, errs);
    }
  }

  /** Qualified name, and either a standard name or one with a domain prefix. */
  static void validateFinalizerName(String f, FieldPath path, ErrorList errs) {
    String name = nullToEmpty(f);
    List<String> msgs = Names.isQualifiedName(name);
    errs.invalidEach(path, name, msgs);
    if (msgs.isEmpty() && !name.contains("/") && !STANDARD_FINALIZERS.contains(name)) {
      errs.invalid(
          path, name, "name is neither a standard finalizer name nor is it fully qualified");
    }
  }

  private static String emptyToNull(String s) {
    return notEmpty(s) ? s : null;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static int bytes(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
