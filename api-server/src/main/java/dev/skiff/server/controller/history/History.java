package dev.skiff.server.controller.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.server.controller.deployment.PodTemplateHash;
import dev.skiff.server.controller.support.Owners;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ControllerRevisions of StatefulSets and DaemonSets (Kubernetes' controller/history): each
 * holds one pod template as the strategic merge patch {@code {"spec":{"template":{...,
 * "$patch":"replace"}}}} (what {@code kubectl rollout undo} applies), is named {@code
 * <parent>-<hash>}, labelled {@code controller-revision-hash: <hash>} and numbered; the newest
 * template has the highest number. Pure.
 */
public final class History {
  public static final String HASH_LABEL = "controller-revision-hash";

  private History() {}

  /** The hash of a template: the pod-template-hash encoding of FNV-32a over its JSON. */
  public static String hash(PodTemplateSpec template) {
    return PodTemplateHash.of(template, null);
  }

  /** The revision of {@code template} for {@code parent}, numbered {@code number}. */
  public static ControllerRevision revision(
      KubeObject parent, PodTemplateSpec template, long number) {
    String hash = hash(template);
    ControllerRevision cr = new ControllerRevision();
    cr.meta().name = parent.meta().name + "-" + hash;
    cr.meta().namespace = parent.meta().namespace;
    Map<String, String> labels = new LinkedHashMap<>();
    if (template != null && template.metadata != null && template.metadata.labels != null) {
      labels.putAll(template.metadata.labels);
    }
    labels.put(HASH_LABEL, hash);
    cr.meta().labels = labels;
    cr.meta().ownerReferences = Owners.listOf(Owners.controllerRef(parent));
    ObjectNode tpl = Json.mapper().valueToTree(template == null ? new PodTemplateSpec() : template);
    tpl.put("$patch", "replace");
    ObjectNode data = Json.mapper().createObjectNode();
    data.putObject("spec").set("template", tpl);
    cr.data = asMap(data);
    cr.revision = number;
    return cr;
  }

  /** The pod template a revision holds (null when it holds none). */
  public static PodTemplateSpec template(ControllerRevision cr) {
    if (cr == null || cr.data == null) {
      return null;
    }
    JsonNode tpl = Json.mapper().valueToTree(cr.data).path("spec").path("template");
    if (!tpl.isObject()) {
      return null;
    }
    ObjectNode copy = ((ObjectNode) tpl).deepCopy();
    copy.remove("$patch");
    return Json.convert(copy, PodTemplateSpec.class);
  }

  /** The highest revision number, 0 when there is none. */
  public static long maxNumber(List<ControllerRevision> revisions) {
    return revisions.stream().mapToLong(History::number).max().orElse(0);
  }

  /** The revision named {@code name}, or null. */
  public static ControllerRevision named(List<ControllerRevision> revisions, String name) {
    return revisions.stream()
        .filter(r -> Objects.equals(r.meta().name, name))
        .findFirst()
        .orElse(null);
  }

  /** Whether two revisions hold the same template. */
  public static boolean sameData(ControllerRevision a, ControllerRevision b) {
    return Objects.equals(Json.mapper().valueToTree(a.data), Json.mapper().valueToTree(b.data));
  }

  /**
   * What to write so that {@code parent}'s template is the newest revision: a revision to create
   * (none holds it), one to renumber (an older one holds it: a rollback), or neither.
   *
   * @param update the revision the template is at, as it should be stored
   * @param write the revision to create or update, or null
   */
  public record Next(ControllerRevision update, ControllerRevision write, boolean create) {}

  public static Next next(
      KubeObject parent, PodTemplateSpec template, List<ControllerRevision> revisions) {
    long max = maxNumber(revisions);
    ControllerRevision wanted = revision(parent, template, max + 1);
    ControllerRevision existing = named(revisions, wanted.meta().name);
    if (existing == null) {
      return new Next(wanted, wanted, true);
    }
    if (number(existing) == max) {
      return new Next(existing, null, false);
    }
    ControllerRevision renumbered = Json.copy(existing, ControllerRevision.class);
    renumbered.revision = max + 1;
    return new Next(renumbered, renumbered, false);
  }

  /**
   * Revisions to delete beyond {@code limit}, oldest first: never one in {@code live} (the current
   * and update revisions and those running pods use).
   */
  public static List<ControllerRevision> beyondLimit(
      List<ControllerRevision> revisions, List<String> live, int limit) {
    List<ControllerRevision> old =
        revisions.stream()
            .filter(r -> !live.contains(r.meta().name))
            .sorted(Comparator.comparingLong(History::number))
            .toList();
    int excess = old.size() - Math.max(limit, 0);
    return excess <= 0 ? List.of() : old.subList(0, excess);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(ObjectNode node) {
    return Json.mapper().convertValue(node, LinkedHashMap.class);
  }

  private static long number(ControllerRevision r) {
    return r.revision == null ? 0 : r.revision;
  }
}
