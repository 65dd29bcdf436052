package dev.skiff.agent.component;

import dev.skiff.agent.NodeComponent;
import dev.skiff.agent.NodeEnvironment;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.ServiceProxyVerticle;
import dev.skiff.proxy.metrics.MetricsRegistry;
import io.vertx.core.Deployable;
import java.util.List;

/**
 * The service proxy of one node: ClusterIP listeners, NodePorts on the node's address and, when
 * asked (once per cluster), the LoadBalancer role. Its metrics join the agent's {@code /metrics}.
 */
public final class ProxyComponent implements NodeComponent {
  private final boolean loadBalancer;
  private final int healthPort;
  private final MetricsRegistry registry = new MetricsRegistry();

  /**
   * @param loadBalancer whether this node's proxy also plays the cluster's LoadBalancer role
   * @param healthPort the port on every node address where the node agents serve /healthz
   */
  public ProxyComponent(boolean loadBalancer, int healthPort) {
    this.loadBalancer = loadBalancer;
    this.healthPort = healthPort;
  }

  @Override
  public String name() {
    return "service-proxy";
  }

  @Override
  public Deployable create(NodeEnvironment node) {
    ProxyOptions options =
        ProxyOptions.forNode(node.nodeName(), List.of(node.address()))
            .withLoadBalancer(loadBalancer)
            .withHealthCheck(java.time.Duration.ofSeconds(2), healthPort);
    return new ServiceProxyVerticle(node.client(), options, registry);
  }

  @Override
  public String metrics() {
    return registry.render();
  }
}
