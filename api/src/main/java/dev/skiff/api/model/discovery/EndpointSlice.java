package dev.skiff.api.model.discovery;

import dev.skiff.api.model.meta.KubeObject;
import java.util.List;

/**
 * discovery.k8s.io/v1 EndpointSlice. The owning Service is named by the label {@value
 * #SERVICE_NAME_LABEL}.
 */
public class EndpointSlice extends KubeObject {
  public static final String API_VERSION = "discovery.k8s.io/v1";
  public static final String KIND = "EndpointSlice";
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";

  /** IPv4, IPv6 or FQDN. */
  public String addressType;

  public List<Endpoint> endpoints;
  public List<EndpointPort> ports;

  public EndpointSlice() {
    super(API_VERSION, KIND);
  }
}
