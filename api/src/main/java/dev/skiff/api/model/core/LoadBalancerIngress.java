package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 LoadBalancerIngress. */
public class LoadBalancerIngress extends Extensible {
  public String ip;
  public String hostname;
  public String ipMode;
  public List<PortStatus> ports;
}
