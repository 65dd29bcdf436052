package dev.skiff.api.resource;

import dev.skiff.api.model.meta.KubeObject;
import java.util.List;
import java.util.Set;

/**
 * One kind the API serves: where it lives (group, version, plural), how it is scoped and named in
 * discovery, and its Java type.
 *
 * @param group API group, "" for the core group
 * @param plural the resource name in URLs ("pods")
 * @param hasSpec whether the kind has a spec whose changes bump metadata.generation
 * @param statusSubresource whether status is written only through {@code /status}
 * @param subresources subresource names served besides the main resource ("status", "scale", "log")
 * @param fieldSelectors field labels accepted in fieldSelector besides metadata.name/namespace
 * @param custom the definition of a kind defined at run time (a CustomResourceDefinition's
 *     version), null for the kinds built in
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    Class<? extends KubeObject> type,
    boolean hasSpec,
    boolean statusSubresource,
    Set<String> subresources,
    Set<String> fieldSelectors,
    CustomDefinition custom) {

  /** A built-in kind. */
  public ResourceType(
      String group,
      String version,
      String kind,
      String plural,
      String singular,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      Class<? extends KubeObject> type,
      boolean hasSpec,
      boolean statusSubresource,
      Set<String> subresources,
      Set<String> fieldSelectors) {
    this(
        group,
        version,
        kind,
        plural,
        singular,
        namespaced,
        shortNames,
        categories,
        type,
        hasSpec,
        statusSubresource,
        subresources,
        fieldSelectors,
        null);
  }

  /** Whether this kind is defined at run time by a CustomResourceDefinition. */
  public boolean isCustom() {
    return custom != null;
  }

  /**
   * A v1 kind of {@code group} with neither spec, status, subresources, short names, categories nor
   * field selectors, whose plural is its lower-case name with an "s" (roles, subjectaccessreviews).
   */
  public static ResourceType plain(
      String group, String kind, boolean namespaced, Class<? extends KubeObject> type) {
    String singular = kind.toLowerCase(java.util.Locale.ROOT);
    return new ResourceType(
        group,
        "v1",
        kind,
        singular + "s",
        singular,
        namespaced,
        List.of(),
        List.of(),
        type,
        false,
        false,
        Set.of(),
        Set.of());
  }

  /** "v1" or "apps/v1". */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** "pods" or "deployments.apps": the qualified resource used in messages and store keys. */
  public String qualifiedName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public String listKind() {
    return kind + "List";
  }

  /** The URL prefix of this group-version: "/api/v1" or "/apis/apps/v1". */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** Collection path, for a namespace or (namespace null) cluster-wide. */
  public String collectionPath(String namespace) {
    if (namespaced && namespace != null) {
      return groupVersionPath() + "/namespaces/" + namespace + "/" + plural;
    }
    return groupVersionPath() + "/" + plural;
  }

  public String itemPath(String namespace, String name) {
    return collectionPath(namespaced ? namespace : null) + "/" + name;
  }
}
