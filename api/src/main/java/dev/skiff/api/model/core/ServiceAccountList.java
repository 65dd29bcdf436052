package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 ServiceAccountList. */
public class ServiceAccountList extends KubeList<ServiceAccount> {
  public ServiceAccountList() {
    apiVersion = ServiceAccount.API_VERSION;
    kind = "ServiceAccountList";
  }
}
