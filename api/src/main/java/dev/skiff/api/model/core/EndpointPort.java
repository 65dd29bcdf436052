package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EndpointPort (core). */
public class EndpointPort extends Extensible {
  public String name;
  public Integer port;
  public String protocol;
  public String appProtocol;
}
