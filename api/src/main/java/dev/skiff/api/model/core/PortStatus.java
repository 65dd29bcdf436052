package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PortStatus. */
public class PortStatus extends Extensible {
  public Integer port;
  public String protocol;
  public String error;
}
