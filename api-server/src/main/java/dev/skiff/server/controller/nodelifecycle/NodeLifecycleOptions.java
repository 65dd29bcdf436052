package dev.skiff.server.controller.nodelifecycle;

import java.time.Duration;

/**
 * Node lifecycle timing (kube-controller-manager's --node-monitor-period, --node-monitor-grace-
 * period and the default 300 s not-ready/unreachable toleration).
 *
 * @param monitorPeriod how often every node is checked
 * @param gracePeriod a node whose heartbeat (Lease renewal or Ready heartbeat) is older becomes
 *     Ready=Unknown and its pods Ready=False
 * @param evictionTimeout how long after becoming Unknown its pods are deleted
 */
public record NodeLifecycleOptions(
    Duration monitorPeriod, Duration gracePeriod, Duration evictionTimeout) {
  public static NodeLifecycleOptions defaults() {
    return new NodeLifecycleOptions(
        Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofSeconds(300));
  }
}
