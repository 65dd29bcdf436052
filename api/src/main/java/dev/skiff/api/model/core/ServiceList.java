package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 ServiceList. */
public class ServiceList extends KubeList<Service> {
  public ServiceList() {
    apiVersion = Service.API_VERSION;
    kind = "ServiceList";
  }
}
