package dev.skiff.server.store;

/**
 * Identity of a stored object.
 *
 * @param resource qualified plural resource: "pods", "deployments.apps"
 * @param namespace namespace, "" for cluster-scoped kinds
 * @param name object name
 */
public record StoreKey(String resource, String namespace, String name) {
  public StoreKey {
    if (namespace == null) {
      namespace = "";
    }
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? resource + "/" + name : resource + "/" + namespace + "/" + name;
  }
}
