package dev.skiff.api.client.informer;

import dev.skiff.api.model.meta.KubeObject;

/**
 * Cache and work-queue keys: {@code namespace/name}, or {@code name} for cluster-scoped objects (as
 * client-go's MetaNamespaceKeyFunc).
 */
public final class Keys {
  private Keys() {}

  public static String of(KubeObject object) {
    return of(object.meta().namespace, object.meta().name);
  }

  public static String of(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** The namespace part of a key, or null for a cluster-scoped key. */
  public static String namespace(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? null : key.substring(0, slash);
  }

  public static String name(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}
