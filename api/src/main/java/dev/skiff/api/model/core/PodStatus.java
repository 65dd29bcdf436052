package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 PodStatus. */
public class PodStatus extends Extensible {
  public Long observedGeneration;
  public String phase;
  public List<PodCondition> conditions;
  public String message;
  public String reason;
  public String nominatedNodeName;
  public String hostIP;
  public List<HostIP> hostIPs;
  public String podIP;
  public List<PodIP> podIPs;
  public String startTime;
  public List<ContainerStatus> initContainerStatuses;
  public List<ContainerStatus> containerStatuses;
  public String qosClass;
  public List<ContainerStatus> ephemeralContainerStatuses;
  public String resize;
  public List<Map<String, Object>> resourceClaimStatuses;
}
