package dev.skiff.api.model.discovery;

import dev.skiff.api.model.meta.Extensible;

/** discovery/v1 EndpointPort. */
public class EndpointPort extends Extensible {
  public String name;
  public String protocol;
  public Integer port;
  public String appProtocol;
}
