package dev.skiff.cli.embedded.docker;

import dev.skiff.cli.embedded.docker.HostCommand.Result;
import java.io.IOException;
import java.util.List;

/**
 * Pod-to-pod traffic between the nodes of one cluster. Each node's pods sit on their own Docker
 * bridge network, and Docker drops traffic between bridge networks; one rule in Docker's {@code
 * DOCKER-USER} chain accepts what goes from the cluster's pod range to the same range, so a pod
 * reaches any pod of the cluster directly, as Kubernetes requires. Both ends are bridges on this
 * host: nothing leaves the machine. Blocking (runs {@code iptables}).
 */
public final class PodForwarding {
  private PodForwarding() {}

  /**
   * Adds the rule unless it is there; fails if iptables refuses. Without a {@code DOCKER-USER}
   * chain the engine does not manage iptables, so it isolates nothing and there is nothing to add.
   */
  public static void allow(String podRange) throws IOException {
    if (HostCommand.run(List.of("iptables", "-w", "5", "-S", "DOCKER-USER")).code() != 0
        || HostCommand.run(rule("-C", podRange)).code() == 0) {
      return;
    }
    Result r = HostCommand.run(rule("-I", podRange));
    if (r.code() != 0) {
      throw new IOException(
          "cannot let pods of different nodes reach each other (iptables -I DOCKER-USER -s "
              + podRange
              + " -d "
              + podRange
              + " -j ACCEPT: "
              + r.output().strip()
              + ")");
    }
  }

  /** Removes the rule (every copy of it); true if there was one. */
  public static boolean remove(String podRange) throws IOException {
    boolean removed = false;
    for (int i = 0; i < 10 && HostCommand.run(rule("-C", podRange)).code() == 0; i++) {
      Result r = HostCommand.run(rule("-D", podRange));
      if (r.code() != 0) {
        throw new IOException(
            "iptables -D DOCKER-USER ... " + podRange + ": " + r.output().strip());
      }
      removed = true;
    }
    return removed;
  }

  private static List<String> rule(String action, String podRange) {
    return List.of(
        "iptables",
        "-w",
        "5",
        action,
        "DOCKER-USER",
        "-s",
        podRange,
        "-d",
        podRange,
        "-j",
        "ACCEPT");
  }
}
