package dev.skiff.proxy.dataplane;

import static dev.skiff.proxy.support.Clients.millisUntilRefused;
import static dev.skiff.proxy.support.Clients.whoAnswers;
import static dev.skiff.proxy.support.ProxyFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.model.TrafficPolicy;
import dev.skiff.proxy.support.ProxyFixture;
import dev.skiff.proxy.support.TestBackend;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodePortIT {
  private static final ServicePortName WEB = new ServicePortName("default", "web", "");
  private static final int NODE_PORT = 30081;

  private final ProxyFixture fx = new ProxyFixture();

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  @Test
  void nodePortAnswersOnEveryNodeAddress() throws Exception {
    TestBackend pod = fx.backend("pod", "127.0.2.1", 0);
    UserspaceDataPlane plane =
        fx.plane(ProxyOptions.forNode("n1", List.of("127.0.81.1", "127.0.81.2")));
    sync(
        plane,
        Snapshot.of(
            web(TrafficPolicy.CLUSTER, new BackendEndpoint(pod.ip, pod.port, "n2", false))));

    assertThat(whoAnswers("127.0.81.1", NODE_PORT)).isEqualTo("pod");
    assertThat(whoAnswers("127.0.81.2", NODE_PORT)).isEqualTo("pod");
    assertThat(whoAnswers("127.10.200.2", 80)).isEqualTo("pod");
  }

  @Test
  void localPolicyServesOnlyOnNodesWithAReadyLocalEndpoint() throws Exception {
    TestBackend pod = fx.backend("pod-on-n1", "127.0.2.1", 0);
    UserspaceDataPlane n1 = fx.plane(ProxyOptions.forNode("n1", List.of("127.0.81.1")));
    UserspaceDataPlane n2 = fx.plane(ProxyOptions.forNode("n2", List.of("127.0.81.2")));
    sync(
        n1,
        Snapshot.of(web(TrafficPolicy.LOCAL, new BackendEndpoint(pod.ip, pod.port, "n1", true))));
    sync(
        n2,
        Snapshot.of(web(TrafficPolicy.LOCAL, new BackendEndpoint(pod.ip, pod.port, "n1", false))));

    assertThat(whoAnswers("127.0.81.1", NODE_PORT)).isEqualTo("pod-on-n1");
    assertThat(millisUntilRefused("127.0.81.2", NODE_PORT)).isLessThan(500);
    assertThat(whoAnswers("127.10.200.2", 80)).isEqualTo("pod-on-n1");
  }

  private static ProxyServicePort web(TrafficPolicy policy, BackendEndpoint endpoint) {
    return ProxyServicePort.builder(WEB)
        .clusterIP("127.10.200.2")
        .port(80)
        .nodePort(NODE_PORT)
        .externalTrafficPolicy(policy)
        .endpoints(endpoint)
        .build();
  }
}
