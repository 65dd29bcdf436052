package dev.skiff.api.model.discovery;

import dev.skiff.api.model.meta.KubeList;

/** discovery.k8s.io/v1 EndpointSliceList. */
public class EndpointSliceList extends KubeList<EndpointSlice> {
  public EndpointSliceList() {
    apiVersion = EndpointSlice.API_VERSION;
    kind = "EndpointSliceList";
  }
}
