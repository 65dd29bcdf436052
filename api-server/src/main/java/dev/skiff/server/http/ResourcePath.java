package dev.skiff.server.http;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.crd.CustomKinds;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed resource URL: {@code /api/v1/[namespaces/{ns}/]{resource}[/{name}[/{sub}]]} or the same
 * under {@code /apis/{group}/{version}}.
 *
 * @param namespace the URL's namespace, or null (cluster-wide collection or cluster-scoped kind)
 * @param name the object's name, or null for a collection
 * @param subresource "status", "scale", "log", ... or null
 */
public record ResourcePath(ResourceType type, String namespace, String name, String subresource) {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  public boolean isCollection() {
    return name == null;
  }

  /**
   * Parses the part after the group-version prefix; empty when it names no served resource.
   *
   * @param rest path segments after {@code /api/v1} or {@code /apis/g/v}
   */
  public static Optional<ResourcePath> parse(String group, String version, String[] rest) {
    return parse(new CustomKinds(), group, version, rest);
  }

  /**
   * As {@link #parse(String, String, String[])}, finding kinds defined at run time in {@code
   * kinds}.
   */
  public static Optional<ResourcePath> parse(
      CustomKinds kinds, String group, String version, String[] rest) {
    String namespace = null;
    String[] parts = rest;
    if (parts.length >= 3
        && parts[0].equals("namespaces")
        && (parts.length > 3 || !isNamespaceSubresource(group, parts[2]))) {
      namespace = parts[1];
      parts = Arrays.copyOfRange(parts, 2, parts.length);
    }
    if (parts.length == 0 || parts.length > 3 || Arrays.asList(parts).contains("")) {
      return Optional.empty();
    }
    Optional<ResourceType> type =
        Resources.byPlural(group, parts[0]).filter(t -> t.version().equals(version));
    if (type.isEmpty()) {
      type = kinds.find(group, version, parts[0]);
    }
    if (type.isEmpty()) {
      return Optional.empty();
    }
    ResourceType t = type.get();
    String name = parts.length > 1 ? parts[1] : null;
    String sub = parts.length > 2 ? parts[2] : null;
    boolean namespaceOk = t.namespaced() ? namespace != null || name == null : namespace == null;
    if (!namespaceOk) {
      return Optional.empty();
    }
    return Optional.of(new ResourcePath(t, namespace, name, sub));
  }

  private static boolean isNamespaceSubresource(String group, String segment) {
    return group.isEmpty()
        && NAMESPACE_SUBRESOURCES.contains(segment)
        && Resources.byPlural("", segment).isEmpty();
  }

  /** "pods/default/web" for logs. */
  @Override
  public String toString() {
    return type.qualifiedName()
        + (namespace == null ? "" : "/" + namespace)
        + (name == null ? "" : "/" + name)
        + (subresource == null ? "" : "/" + subresource);
  }
}
