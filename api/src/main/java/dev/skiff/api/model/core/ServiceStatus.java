package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Condition;
import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 ServiceStatus. */
public class ServiceStatus extends Extensible {
  public LoadBalancerStatus loadBalancer;
  public List<Condition> conditions;
}
