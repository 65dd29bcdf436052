package dev.skiff.api.model.storage;

import dev.skiff.api.model.meta.KubeList;

/** storage.k8s.io/v1 StorageClassList. */
public class StorageClassList extends KubeList<StorageClass> {
  public StorageClassList() {
    apiVersion = StorageClass.API_VERSION;
    kind = "StorageClassList";
  }
}
