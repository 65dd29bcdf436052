package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ContainerPort. */
public class ContainerPort extends Extensible {
  public String name;
  public Integer hostPort;
  public Integer containerPort;
  public String protocol;
  public String hostIP;
}
