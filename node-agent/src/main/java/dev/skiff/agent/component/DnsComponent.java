package dev.skiff.agent.component;

import dev.skiff.agent.NodeComponent;
import dev.skiff.agent.NodeEnvironment;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.dns.DnsServerOptions;
import dev.skiff.dns.DnsServerVerticle;
import dev.skiff.dns.source.InformerZoneSource;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The cluster DNS server of one node, on the node's address at {@link #port}. Once it serves, it
 * publishes itself as an endpoint of the {@code kube-dns} Service (an EndpointSlice per node,
 * removed when the node stops), so the kube-dns ClusterIP fronts the DNS servers of every node.
 */
public final class DnsComponent implements NodeComponent {
  private final int port;

  public DnsComponent(int port) {
    this.port = port;
  }

  @Override
  public String name() {
    return "dns";
  }

  @Override
  public Deployable create(NodeEnvironment node) {
    DnsServerOptions options =
        DnsServerOptions.defaults()
            .withBind(node.address(), port)
            .withZone(node.clusterDomain(), DnsServerOptions.defaults().ttl())
            .withUdpSockets(1);
    DnsServerVerticle server =
        new DnsServerVerticle(
            options,
            new InformerZoneSource(
                node.client(), node.informers(), InformerOptions.defaults(), false));
    KubeDnsEndpoint endpoint =
        new KubeDnsEndpoint(node.client(), node.nodeName(), node.address(), port);
    return new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.deployVerticle(server).compose(id -> endpoint.publish());
      }

      /** Withdraws the endpoint; the server, a child deployment, is undeployed with this one. */
      @Override
      public Future<?> stop() {
        return endpoint.withdraw();
      }
    };
  }
}
