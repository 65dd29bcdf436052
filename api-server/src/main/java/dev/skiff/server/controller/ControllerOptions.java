package dev.skiff.server.controller;

import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.server.controller.leader.LeaderOptions;
import dev.skiff.server.controller.nodelifecycle.NodeLifecycleOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * How the controller manager runs.
 *
 * @param leader leader election (the Lease and its timing)
 * @param resync how often informers re-deliver every object (repairs lost events)
 * @param workers concurrent syncs per busy controller (endpoints, slices, workloads)
 * @param nodeLifecycle node heartbeat grace and eviction timing
 * @param clock the time source of leader election, node lifecycle and statuses
 * @param informers where the controllers' informers come from (shared with the other components of
 *     the JVM), or null for a watch of their own per kind
 */
public record ControllerOptions(
    LeaderOptions leader,
    Duration resync,
    int workers,
    NodeLifecycleOptions nodeLifecycle,
    Clock clock,
    InformerFactory informers) {

  /** Kubernetes-like defaults with a random identity. */
  public static ControllerOptions defaults() {
    return new ControllerOptions(
        LeaderOptions.defaults("skiff-" + UUID.randomUUID()),
        Duration.ofSeconds(30),
        4,
        NodeLifecycleOptions.defaults(),
        Clock.systemUTC(),
        null);
  }

  /**
   * A stable candidate identity (for example host name plus data directory), so a restarted replica
   * renews its own unexpired lease at once instead of waiting for it to expire.
   */
  public ControllerOptions withIdentity(String identity) {
    LeaderOptions l = leader;
    return withLeader(
        new LeaderOptions(
            l.namespace(),
            l.name(),
            identity,
            l.leaseDuration(),
            l.renewDeadline(),
            l.retryPeriod()));
  }

  public ControllerOptions withLeader(LeaderOptions value) {
    return new ControllerOptions(value, resync, workers, nodeLifecycle, clock, informers);
  }

  public ControllerOptions withNodeLifecycle(NodeLifecycleOptions value) {
    return new ControllerOptions(leader, resync, workers, value, clock, informers);
  }

  public ControllerOptions withClock(Clock value) {
    return new ControllerOptions(leader, resync, workers, nodeLifecycle, value, informers);
  }

  public ControllerOptions withInformers(InformerFactory value) {
    return new ControllerOptions(leader, resync, workers, nodeLifecycle, clock, value);
  }

  public ControllerOptions withResync(Duration value) {
    return new ControllerOptions(leader, value, workers, nodeLifecycle, clock, informers);
  }
}
