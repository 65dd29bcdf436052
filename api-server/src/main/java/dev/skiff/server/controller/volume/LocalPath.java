package dev.skiff.server.controller.volume;

import dev.skiff.api.model.storage.StorageClass;
import java.util.LinkedHashMap;

/**
 * The built-in local-path storage, as k3s and kind ship it (rancher's local-path-provisioner): the
 * {@code local-path} StorageClass, provisioner {@value #PROVISIONER}, WaitForFirstConsumer, reclaim
 * policy Delete. The node agents provision its volumes: a directory per volume under the node's
 * data directory.
 */
public final class LocalPath {
  public static final String CLASS_NAME = "local-path";
  public static final String PROVISIONER = "rancher.io/local-path";

  private LocalPath() {}

  static StorageClass storageClass(boolean isDefault) {
    StorageClass sc = new StorageClass();
    sc.meta().name = CLASS_NAME;
    if (isDefault) {
      sc.metadata.annotations = new LinkedHashMap<>();
      sc.metadata.annotations.put(StorageClass.DEFAULT_ANNOTATION, "true");
    }
    sc.provisioner = PROVISIONER;
    sc.reclaimPolicy = "Delete";
    sc.volumeBindingMode = "WaitForFirstConsumer";
    return sc;
  }
}
