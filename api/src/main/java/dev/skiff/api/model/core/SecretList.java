package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 SecretList. */
public class SecretList extends KubeList<Secret> {
  public SecretList() {
    apiVersion = Secret.API_VERSION;
    kind = "SecretList";
  }
}
