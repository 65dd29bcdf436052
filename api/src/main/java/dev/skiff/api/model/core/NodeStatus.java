package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 NodeStatus. Capacity and allocatable are quantities as strings. */
public class NodeStatus extends Extensible {
  public Map<String, String> capacity;
  public Map<String, String> allocatable;
  public String phase;
  public List<NodeCondition> conditions;
  public List<NodeAddress> addresses;
  public NodeDaemonEndpoints daemonEndpoints;
  public NodeSystemInfo nodeInfo;
  public List<Map<String, Object>> images;
  public List<String> volumesInUse;
  public List<Map<String, Object>> volumesAttached;
  public Map<String, Object> config;
  public List<Map<String, Object>> runtimeHandlers;
  public Map<String, Object> features;
}
