package dev.skiff.server.controller.leader;

import java.time.Duration;

/**
 * Leader election timing (client-go's LeaderElectionConfig). A leader that cannot renew within
 * {@code renewDeadline} steps down; others take over once the lease has not changed for {@code
 * leaseDuration} as they observe it.
 *
 * @param namespace the Lease's namespace (kube-system)
 * @param name the Lease's name
 * @param identity this candidate (unique per replica)
 */
public record LeaderOptions(
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static final String LEASE_NAMESPACE = "kube-system";
  public static final String LEASE_NAME = "skiff-controller-manager";

  /** Kubernetes' defaults: 15 s lease, 10 s renew deadline, 2 s retry. */
  public static LeaderOptions defaults(String identity) {
    return new LeaderOptions(
        LEASE_NAMESPACE,
        LEASE_NAME,
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  public LeaderOptions withTiming(Duration lease, Duration renewDeadline, Duration retry) {
    return new LeaderOptions(namespace, name, identity, lease, renewDeadline, retry);
  }
}
