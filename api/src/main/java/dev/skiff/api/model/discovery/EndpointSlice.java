package dev.skiff.api.model.discovery;

import dev.skiff.api.model.meta.KubeObject;

/** discovery.k8s.io/v1 EndpointSlice. */
public class EndpointSlice extends KubeObject {
  public static final String API_VERSION = "discovery.k8s.io/v1";
  public static final String KIND = "EndpointSlice";

  public EndpointSlice() {
    super(API_VERSION, KIND);
  }
}
