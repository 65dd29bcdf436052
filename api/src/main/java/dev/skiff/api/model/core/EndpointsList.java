package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 EndpointsList. */
public class EndpointsList extends KubeList<Endpoints> {
  public EndpointsList() {
    apiVersion = Endpoints.API_VERSION;
    kind = "EndpointsList";
  }
}
