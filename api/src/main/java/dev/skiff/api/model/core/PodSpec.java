package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 PodSpec: what runs, where, and how. */
public class PodSpec extends Extensible {
  public List<Volume> volumes;
  public List<Container> initContainers;
  public List<Container> containers;
  public List<Map<String, Object>> ephemeralContainers;
  public String restartPolicy;
  public Long terminationGracePeriodSeconds;
  public Long activeDeadlineSeconds;
  public String dnsPolicy;
  public Map<String, String> nodeSelector;
  public String serviceAccountName;
  public String serviceAccount;
  public Boolean automountServiceAccountToken;
  public String nodeName;
  public Boolean hostNetwork;
  public Boolean hostPID;
  public Boolean hostIPC;
  public Boolean shareProcessNamespace;
  public Map<String, Object> securityContext;
  public List<LocalObjectReference> imagePullSecrets;
  public String hostname;
  public String subdomain;
  public Map<String, Object> affinity;
  public String schedulerName;
  public List<Toleration> tolerations;
  public List<HostAlias> hostAliases;
  public String priorityClassName;
  public Integer priority;
  public PodDNSConfig dnsConfig;
  public List<PodReadinessGate> readinessGates;
  public String runtimeClassName;
  public Boolean enableServiceLinks;
  public String preemptionPolicy;
  public Map<String, String> overhead;
  public List<Map<String, Object>> topologySpreadConstraints;
  public Boolean setHostnameAsFQDN;
  public Map<String, Object> os;
  public Boolean hostUsers;
  public List<Map<String, Object>> schedulingGates;
  public List<Map<String, Object>> resourceClaims;
}
