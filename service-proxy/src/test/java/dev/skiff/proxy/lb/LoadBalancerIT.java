package dev.skiff.proxy.lb;

import static dev.skiff.proxy.support.Clients.whoAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.dataplane.UserspaceDataPlane;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.support.ProxyFixture;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadBalancerIT {
  private static final String INGRESS = "127.20.200.1";
  private static final int NODE_PORT = 30080;
  private static final NodeInfo N1 = new NodeInfo("n1", "127.0.91.1", true);
  private static final NodeInfo N2 = new NodeInfo("n2", "127.0.91.2", true);

  private final ProxyFixture fx = new ProxyFixture();
  private final Map<String, Integer> healthStatus = new ConcurrentHashMap<>();
  private final Map<String, Integer> healthPorts = new ConcurrentHashMap<>();
  private NodeHealthChecker checker;

  @AfterEach
  void stop() throws Exception {
    if (checker != null) {
      checker.stop().await(10, TimeUnit.SECONDS);
    }
    fx.close();
  }

  @Test
  void forwardsOnlyToTheNodePortOfHealthyNodes() throws Exception {
    for (NodeInfo n : List.of(N1, N2)) {
      fx.backend("nodeport-" + n.name(), n.address(), NODE_PORT);
      startHealthServer(n);
    }
    healthStatus.put("n1", 200);
    healthStatus.put("n2", 503);
    ProxyServicePort web =
        ProxyServicePort.builder(new ServicePortName("default", "web", ""))
            .clusterIP("127.10.200.40")
            .port(80)
            .nodePort(NODE_PORT)
            .ingressIPs(List.of(INGRESS))
            .endpoints(new BackendEndpoint("127.0.2.1", 8080, "n1", false))
            .build();
    Snapshot snapshot = Snapshot.of(List.of(web), List.of(N1, N2));
    UserspaceDataPlane[] lb = new UserspaceDataPlane[1];
    checker =
        new NodeHealthChecker(
            fx.vertx,
            n -> "http://" + n.address() + ":" + healthPorts.get(n.name()) + "/healthz",
            Duration.ofMillis(200),
            () -> lb[0].sync(snapshot));
    lb[0] = fx.plane(ProxyOptions.forNode("lb", List.of()).withLoadBalancer(true), checker);
    checker.start();
    checker.track(snapshot.nodes());

    await().atMost(Duration.ofSeconds(10)).until(() -> answers(20).equals(Set.of("nodeport-n1")));
    assertThat(answers(20)).containsExactly("nodeport-n1");

    healthStatus.put("n2", 200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> answers(20).equals(Set.of("nodeport-n1", "nodeport-n2")));

    healthStatus.put("n1", 500);
    await().atMost(Duration.ofSeconds(10)).until(() -> answers(20).equals(Set.of("nodeport-n2")));
  }

  private Set<String> answers(int connections) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < connections; i++) {
      try {
        seen.add(whoAnswers(INGRESS, 80));
      } catch (Exception refused) {
        seen.add("refused");
      }
    }
    return seen;
  }

  private void startHealthServer(NodeInfo node) throws Exception {
    HttpServer server =
        fx.vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.response()
                        .setStatusCode(healthStatus.getOrDefault(node.name(), 500))
                        .end());
    server.listen(0, node.address()).await(10, TimeUnit.SECONDS);
    healthPorts.put(node.name(), server.actualPort());
  }
}
