package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 NodeAddress: type InternalIP, ExternalIP, Hostname, ... */
public class NodeAddress extends Extensible {
  public String type;
  public String address;
}
