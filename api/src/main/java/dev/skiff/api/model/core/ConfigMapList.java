package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 ConfigMapList. */
public class ConfigMapList extends KubeList<ConfigMap> {
  public ConfigMapList() {
    apiVersion = ConfigMap.API_VERSION;
    kind = "ConfigMapList";
  }
}
