package dev.skiff.api.client;

import dev.skiff.api.client.internal.Query;
import dev.skiff.api.resource.ResourceType;

/** Request URIs (path and query) for each verb, from {@link ResourceType}'s paths. */
final class Paths {
  private Paths() {}

  static String collection(ResourceType type, String namespace) {
    requireNamespace(type, namespace);
    return type.collectionPath(namespace(namespace));
  }

  static String item(ResourceType type, String namespace, String name) {
    requireNamespace(type, namespace);
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(type.plural() + ": a name is required");
    }
    return type.itemPath(namespace(namespace), name);
  }

  static String subresource(ResourceType type, String namespace, String name, String sub) {
    return item(type, namespace, name) + "/" + sub;
  }

  /** {@code namespace} null lists across all namespaces. */
  static String list(ResourceType type, String namespace, ListOptions o) {
    return Query.path(type.collectionPath(namespace(namespace)))
        .param("labelSelector", o.labelSelector())
        .param("fieldSelector", o.fieldSelector())
        .param("resourceVersion", o.resourceVersion())
        .param("limit", o.limit())
        .param("continue", o.continueToken())
        .build();
  }

  static String watch(ResourceType type, String namespace, WatchOptions o) {
    return Query.path(type.collectionPath(namespace(namespace)))
        .param("watch", "true")
        .param("labelSelector", o.labelSelector())
        .param("fieldSelector", o.fieldSelector())
        .param("resourceVersion", o.resourceVersion())
        .param("timeoutSeconds", o.timeoutSeconds())
        .flag("allowWatchBookmarks", o.allowBookmarks())
        .build();
  }

  static String withOptions(String path, PatchOptions o) {
    return Query.path(path)
        .param("fieldManager", o.fieldManager())
        .param("force", o.force())
        .param("dryRun", o.dryRun() ? "All" : null)
        .build();
  }

  /** "" means the same as null: all namespaces (or none, for a cluster-scoped kind). */
  private static String namespace(String namespace) {
    return namespace == null || namespace.isEmpty() ? null : namespace;
  }

  private static void requireNamespace(ResourceType type, String namespace) {
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw new IllegalArgumentException(
          type.plural() + " are namespaced: a namespace is required");
    }
  }
}
