package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 LoadBalancerStatus. */
public class LoadBalancerStatus extends Extensible {
  public List<LoadBalancerIngress> ingress;
}
