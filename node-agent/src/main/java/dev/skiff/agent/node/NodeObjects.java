package dev.skiff.agent.node;

import dev.skiff.api.model.core.DaemonEndpoint;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.NodeDaemonEndpoints;
import dev.skiff.api.model.core.NodeStatus;
import dev.skiff.api.model.core.NodeSystemInfo;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the Node object and its status as the kubelet reports them. Pure. */
final class NodeObjects {
  private NodeObjects() {}

  static Node node(NodeIdentity id, NodeSystemInfo info, boolean ready, Instant now) {
    Node node = new Node();
    node.meta().name = id.name();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", id.hostname());
    labels.put("kubernetes.io/os", info.operatingSystem);
    labels.put("kubernetes.io/arch", info.architecture);
    labels.put("beta.kubernetes.io/os", info.operatingSystem);
    labels.put("beta.kubernetes.io/arch", info.architecture);
    labels.putAll(id.labels());
    node.meta().labels = labels;
    node.spec().podCIDR = id.podCidr();
    node.spec().podCIDRs = List.of(id.podCidr());
    node.status = status(id, info, ready, false, null, now);
    return node;
  }

  /**
   * The status to report. Conditions keep their lastTransitionTime from {@code previous} while
   * their status is unchanged.
   *
   * @param memoryPressure whether the agent's JVM is short of heap ({@link JvmMemory#pressure()})
   */
  static NodeStatus status(
      NodeIdentity id,
      NodeSystemInfo info,
      boolean ready,
      boolean memoryPressure,
      NodeStatus previous,
      Instant now) {
    NodeStatus s = new NodeStatus();
    s.capacity = new LinkedHashMap<>(id.capacity());
    s.allocatable = new LinkedHashMap<>(id.capacity());
    s.addresses = List.of(address("InternalIP", id.address()), address("Hostname", id.hostname()));
    s.daemonEndpoints = new NodeDaemonEndpoints();
    s.daemonEndpoints.kubeletEndpoint = new DaemonEndpoint();
    s.daemonEndpoints.kubeletEndpoint.port = id.port();
    s.nodeInfo = info;
    List<NodeCondition> conditions = new ArrayList<>();
    conditions.add(
        condition(
            previous,
            "Ready",
            ready,
            ready ? "KubeletReady" : "KubeletNotReady",
            ready ? "kubelet is posting ready status" : "node agent is shutting down",
            now));
    conditions.add(
        condition(
            previous,
            "MemoryPressure",
            memoryPressure,
            memoryPressure ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory",
            memoryPressure
                ? "kubelet has insufficient memory available"
                : "kubelet has sufficient memory available",
            now));
    conditions.add(
        condition(
            previous,
            "DiskPressure",
            false,
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
            now));
    conditions.add(
        condition(
            previous,
            "PIDPressure",
            false,
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
            now));
    s.conditions = conditions;
    return s;
  }

  private static NodeAddress address(String type, String value) {
    NodeAddress a = new NodeAddress();
    a.type = type;
    a.address = value;
    return a;
  }

  private static NodeCondition condition(
      NodeStatus previous, String type, boolean value, String reason, String message, Instant now) {
    NodeCondition c = new NodeCondition();
    c.type = type;
    c.status = value ? "True" : "False";
    c.reason = reason;
    c.message = message;
    c.lastHeartbeatTime = Times.time(now);
    c.lastTransitionTime = Times.time(now);
    if (previous != null && previous.conditions != null) {
      for (NodeCondition old : previous.conditions) {
        if (type.equals(old.type)
            && c.status.equals(old.status)
            && old.lastTransitionTime != null) {
          c.lastTransitionTime = old.lastTransitionTime;
        }
      }
    }
    return c;
  }
}
