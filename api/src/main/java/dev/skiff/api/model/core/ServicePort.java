package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.IntOrString;

/** v1 ServicePort. */
public class ServicePort extends Extensible {
  public String name;
  public String protocol;
  public String appProtocol;
  public Integer port;
  public IntOrString targetPort;
  public Integer nodePort;
}
