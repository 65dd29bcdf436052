package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 ServiceSpec. */
public class ServiceSpec extends Extensible {
  public List<ServicePort> ports;
  public Map<String, String> selector;
  public String clusterIP;
  public List<String> clusterIPs;
  public String type;
  public List<String> externalIPs;
  public String sessionAffinity;
  public String loadBalancerIP;
  public List<String> loadBalancerSourceRanges;
  public String externalName;
  public String externalTrafficPolicy;
  public Integer healthCheckNodePort;
  public Boolean publishNotReadyAddresses;
  public SessionAffinityConfig sessionAffinityConfig;
  public List<String> ipFamilies;
  public String ipFamilyPolicy;
  public Boolean allocateLoadBalancerNodePorts;
  public String loadBalancerClass;
  public String internalTrafficPolicy;
  public String trafficDistribution;
}
