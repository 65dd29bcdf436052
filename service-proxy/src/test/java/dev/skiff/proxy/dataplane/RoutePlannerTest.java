package dev.skiff.proxy.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.dataplane.PoolKey.Kind;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.Protocol;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.model.TrafficPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {
  private static final ServicePortName WEB = new ServicePortName("default", "web", "http");
  private static final BackendEndpoint ON_N1 = new BackendEndpoint("127.0.2.1", 8080, "n1", true);
  private static final BackendEndpoint ON_N2 = new BackendEndpoint("127.0.2.2", 8080, "n2", false);
  private static final List<NodeInfo> NODES =
      List.of(
          new NodeInfo("n1", "127.0.1.1", true),
          new NodeInfo("n2", "127.0.1.2", true),
          new NodeInfo("n3", "127.0.1.3", false));

  private final ProxyServicePort lb =
      ProxyServicePort.builder(WEB)
          .clusterIP("127.10.0.1")
          .port(80)
          .nodePort(30080)
          .ingressIPs(List.of("127.20.0.1"))
          .endpoints(ON_N1, ON_N2)
          .build();

  @Test
  void clusterIPAndNodePortOnEveryNodeAddressShareAllEndpoints() {
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forNode("n1", List.of("127.0.1.1", "127.0.9.1")))
            .plan(Snapshot.of(lb), n -> true);

    assertThat(plan.listeners())
        .containsOnlyKeys(tcp("127.10.0.1", 80), tcp("127.0.1.1", 30080), tcp("127.0.9.1", 30080));
    assertThat(plan.listeners().values()).containsOnly(new PoolKey(WEB, Kind.ALL_ENDPOINTS));
    assertThat(plan.poolOf(tcp("127.10.0.1", 80)).targets()).containsExactly(ON_N1, ON_N2);
  }

  @Test
  void localPolicyNodePortUsesOnlyLocalEndpointsButClusterIPUsesAll() {
    ProxyServicePort local = lb.toBuilder().externalTrafficPolicy(TrafficPolicy.LOCAL).build();
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forNode("n1", List.of("127.0.1.1")))
            .plan(Snapshot.of(local), n -> true);

    assertThat(plan.poolOf(tcp("127.0.1.1", 30080)).targets()).containsExactly(ON_N1);
    assertThat(plan.poolOf(tcp("127.10.0.1", 80)).targets()).containsExactly(ON_N1, ON_N2);
  }

  @Test
  void loadBalancerRoleForwardsIngressToReadyHealthyNodes() {
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forNode("lb", List.of()).withLoadBalancer(true))
            .plan(new Snapshot(Snapshot.of(lb).services(), NODES), n -> !n.name().equals("n2"));

    assertThat(plan.poolOf(tcp("127.20.0.1", 80)).targets())
        .containsExactly(new BackendEndpoint("127.0.1.1", 30080, "n1", false));
  }

  @Test
  void loadBalancerRoleWithLocalPolicySkipsNodesWithoutEndpoints() {
    ProxyServicePort local =
        lb.toBuilder().externalTrafficPolicy(TrafficPolicy.LOCAL).endpoints(ON_N2).build();
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forNode("lb", List.of()).withLoadBalancer(true))
            .plan(new Snapshot(Snapshot.of(local).services(), NODES), n -> true);

    assertThat(plan.poolOf(tcp("127.20.0.1", 80)).targets())
        .containsExactly(new BackendEndpoint("127.0.1.2", 30080, "n2", false));
  }

  @Test
  void theLoadBalancerRoleOnItsOwnListensOnIngressIPsOnly() {
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forLoadBalancer())
            .plan(new Snapshot(Snapshot.of(lb).services(), NODES), n -> true);

    assertThat(plan.listeners()).containsOnlyKeys(tcp("127.20.0.1", 80));
    assertThat(plan.poolOf(tcp("127.20.0.1", 80)).targets())
        .containsExactly(
            new BackendEndpoint("127.0.1.1", 30080, "n1", false),
            new BackendEndpoint("127.0.1.2", 30080, "n2", false));
  }

  @Test
  void ingressIPsAreIgnoredOutsideTheLoadBalancerRole() {
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forNode("n1", List.of())).plan(Snapshot.of(lb), n -> true);
    assertThat(plan.listeners()).containsOnlyKeys(tcp("127.10.0.1", 80));
  }

  @Test
  void headlessServicesGetNoListener() {
    ProxyServicePort headless = lb.toBuilder().clusterIP("None").nodePort(0).build();
    RoutePlan plan =
        new RoutePlanner(ProxyOptions.forNode("n1", List.of()))
            .plan(Snapshot.of(headless), n -> true);
    assertThat(plan.listeners()).isEmpty();
  }

  private static ListenerKey tcp(String ip, int port) {
    return new ListenerKey(Protocol.TCP, ip, port);
  }
}
