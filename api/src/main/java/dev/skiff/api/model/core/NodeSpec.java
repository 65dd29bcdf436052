package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 NodeSpec. */
public class NodeSpec extends Extensible {
  public String podCIDR;
  public List<String> podCIDRs;
  public String providerID;
  public Boolean unschedulable;
  public List<Taint> taints;
  public Map<String, Object> configSource;
  public String externalID;
}
