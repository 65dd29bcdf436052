package dev.skiff.agent.component;

import dev.skiff.agent.NodeComponent;
import dev.skiff.agent.NodeEnvironment;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.ServiceProxyVerticle;
import dev.skiff.proxy.metrics.MetricsRegistry;
import io.vertx.core.Deployable;
import java.util.List;

/**
 * The service proxy of one node: ClusterIP listeners and NodePorts on the node's address. Its
 * metrics join the agent's {@code /metrics}. The cluster's LoadBalancer role is not a node's job:
 * it runs apart ({@code ProxyOptions.forLoadBalancer()}, in-process in the embedded cluster, or
 * {@code LoadBalancerMain}), and reaches the nodes through their NodePorts and this agent's {@code
 * /healthz}.
 */
public final class ProxyComponent implements NodeComponent {
  private final MetricsRegistry registry = new MetricsRegistry();

  @Override
  public String name() {
    return "service-proxy";
  }

  @Override
  public Deployable create(NodeEnvironment node) {
    ProxyOptions options = ProxyOptions.forNode(node.nodeName(), List.of(node.address()));
    return new ServiceProxyVerticle(node.client(), node.informers(), options, registry);
  }

  @Override
  public String metrics() {
    return registry.render();
  }
}
