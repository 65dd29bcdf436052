package dev.skiff.agent.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import dev.skiff.api.model.core.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodRoutesTest {
  private static Node node(String name, String podCidr, String... addresses) {
    Node n = new Node();
    n.meta().name = name;
    n.spec().podCIDR = podCidr;
    n.status = new NodeStatus();
    List<NodeAddress> list = new ArrayList<>();
    for (int i = 0; i < addresses.length; i += 2) {
      NodeAddress a = new NodeAddress();
      a.type = addresses[i];
      a.address = addresses[i + 1];
      list.add(a);
    }
    n.status.addresses = list;
    return n;
  }

  @Test
  void everyOtherNodesPodCidrGoesViaItsInternalIp() {
    List<Node> nodes =
        List.of(
            node("a", "10.244.1.0/24", "InternalIP", "10.250.0.2", "Hostname", "a"),
            node("b", "10.244.2.0/24", "Hostname", "b", "InternalIP", "10.250.0.3"),
            node("c", "10.244.3.0/24", "InternalIP", "10.250.0.4"),
            node("no-cidr", null, "InternalIP", "10.250.0.5"),
            node("no-address", "10.244.6.0/24", "Hostname", "x"),
            node("same-range", "10.244.1.0/24", "InternalIP", "10.250.0.7"),
            node("v6", "fd00:1::/64", "InternalIP", "fd00::8"));

    assertThat(PodRoutes.desired(nodes, "a", "10.244.1.0/24"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("10.244.2.0/24", "10.250.0.3", "10.244.3.0/24", "10.250.0.4"));
  }

  @Test
  void parsesTheRoutesIpShowsForSkiffsProtocol() {
    String shown =
        """
        10.244.2.0/24 via 10.250.0.3 dev eth0\s
        10.244.3.0/24 via 10.250.0.4 dev eth0 metric 5
        10.9.9.9 via 10.250.0.9 dev eth0
        blackhole 10.244.9.0/24
        """;

    assertThat(PodRoutes.current(shown))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "10.244.2.0/24", "10.250.0.3",
                "10.244.3.0/24", "10.250.0.4",
                "10.9.9.9/32", "10.250.0.9"));
  }

  @Test
  void addsWhatIsMissingChangesWhatMovedAndRemovesWhatWent() {
    Map<String, String> desired =
        Map.of(
            "10.244.2.0/24", "10.250.0.3",
            "10.244.3.0/24", "10.250.0.40",
            "10.244.4.0/24", "10.250.0.5");
    Map<String, String> current =
        Map.of(
            "10.244.2.0/24", "10.250.0.3",
            "10.244.3.0/24", "10.250.0.4",
            "10.244.8.0/24", "10.250.0.8");

    assertThat(PodRoutes.commands(desired, current))
        .containsExactlyInAnyOrder(
            List.of(
                "-4", "route", "replace", "10.244.3.0/24", "via", "10.250.0.40", "proto", "250"),
            List.of("-4", "route", "replace", "10.244.4.0/24", "via", "10.250.0.5", "proto", "250"),
            List.of("-4", "route", "del", "10.244.8.0/24", "via", "10.250.0.8", "proto", "250"));
    assertThat(PodRoutes.commands(desired, desired)).isEmpty();
  }
}
