package dev.skiff.cli.embedded;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.NodeAgentVerticle;
import dev.skiff.agent.access.AgentAccess;
import dev.skiff.agent.component.DnsComponent;
import dev.skiff.agent.component.ProxyComponent;
import dev.skiff.agent.http.AgentHttpServer;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.cli.embedded.docker.DockerHost;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.ServiceProxyVerticle;
import dev.skiff.proxy.lb.LoadBalancerEndpoint;
import dev.skiff.proxy.metrics.MetricsRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The node agents of an embedded cluster, each on its own address with a service proxy and a DNS
 * server, and the cluster's LoadBalancer role, in-process but apart from every node (as a cloud
 * load balancer sits outside the nodes, so it keeps serving through the nodes that remain when one
 * goes down). They run on a Vert.x of their own: closing it stops every agent and its pod workers,
 * so the cluster knows when nothing creates containers any more.
 */
public final class EmbeddedNodes {
  /** Node agents listen on their own address, so every node can use the kubelet's port. */
  static final int AGENT_PORT = 10250;

  /** How often the LoadBalancer role checks each node's {@code /healthz}. */
  static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(2);

  private final List<NodeAgentOptions> nodes;
  private final Path kubeconfig;
  private final AgentCredentials agentCredentials;
  private final InformerFactory informers;
  private final List<String> deployments = new ArrayList<>();
  private Vertx vertx;
  private volatile String loadBalancerEndpoint;

  private EmbeddedNodes(
      List<NodeAgentOptions> nodes,
      Path kubeconfig,
      AgentCredentials agentCredentials,
      InformerFactory informers) {
    this.nodes = nodes;
    this.kubeconfig = kubeconfig;
    this.agentCredentials = agentCredentials;
    this.informers = informers;
  }

  /**
   * @param dockerHost the Docker runtime's host resources, or null for the process runtime
   * @param agentCredentials the cluster's agent-access token and agent CA
   * @param informers the informers every component of the cluster shares
   */
  static EmbeddedNodes of(
      EmbeddedOptions options,
      ClusterAddresses addresses,
      DockerHost dockerHost,
      String apiServer,
      Path kubeconfig,
      AgentCredentials agentCredentials,
      InformerFactory informers) {
    List<NodeAgentOptions> nodes = new ArrayList<>();
    for (int i = 1; i <= options.nodes(); i++) {
      NodeAgentOptions node =
          node(
              NodeAgentOptions.defaults(i, apiServer),
              addresses.nodeAddress(i),
              AGENT_PORT,
              addresses.podCidr(i),
              addresses.serviceCidr(),
              options.dir().resolve("nodes").resolve("node-" + i),
              kubeconfig);
      if (dockerHost != null) {
        // The cluster made its whole range local already: no node adds a route of its own.
        node =
            node.withDocker(dockerHost.nodeOptions(i, addresses.podCidr(i)))
                .withDockerRuntime()
                .withServiceCidr(null);
      }
      nodes.add(node);
    }
    return new EmbeddedNodes(nodes, kubeconfig, agentCredentials, informers);
  }

  /**
   * A node of any cluster, embedded or across machines: its agent at {@code address:port}, pods
   * from {@code podCidr}, and the node's service proxy and cluster DNS server (on {@link
   * KubeDns#SERVER_PORT}).
   */
  public static NodeAgentOptions node(
      NodeAgentOptions base,
      String address,
      int port,
      String podCidr,
      String serviceCidr,
      Path dataDir,
      Path kubeconfig) {
    return base.withKubeconfig(kubeconfig)
        .withAddress(address)
        .withPort(port)
        .withPodCidr(podCidr)
        .withServiceCidr(serviceCidr)
        .withClusterDns(List.of(dev.skiff.dns.KubeDnsService.clusterIp(serviceCidr)))
        .withDataDir(dataDir)
        .withComponents(List.of(new ProxyComponent(), new DnsComponent(KubeDns.SERVER_PORT)));
  }

  /**
   * Deploys one node's agent with its access (token, serving certificate) and the JVM's shared
   * informers (null: its own); fails naming the node. Completes with the deployment id.
   */
  public static Future<String> deploy(
      Vertx vertx, NodeAgentOptions node, AgentAccess access, InformerFactory informers) {
    return vertx
        .deployVerticle(new NodeAgentVerticle(node, Clock.systemUTC(), access, informers))
        .recover(
            e ->
                Future.failedFuture(
                    "node "
                        + node.name()
                        + " ("
                        + node.address()
                        + ":"
                        + node.port()
                        + "): "
                        + e.getMessage()));
  }

  /** Deploys every agent; fails naming the node that could not start. */
  Future<Void> start() {
    vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    List<Future<String>> deployed = new ArrayList<>();
    for (NodeAgentOptions node : nodes) {
      deployed.add(
          deploy(vertx, node, agentCredentials.forNode(node.name(), node.address()), informers)
              .onSuccess(deployments::add));
    }
    deployed.add(startLoadBalancer());
    return Future.all(deployed).mapEmpty();
  }

  /**
   * The LoadBalancer role: ingress IPs -> NodePorts of the nodes whose /healthz answers; its
   * /healthz and /metrics on 127.0.0.1 at a free port ({@link #loadBalancerEndpoint()}).
   */
  private Future<String> startLoadBalancer() {
    ProxyOptions options =
        ProxyOptions.forLoadBalancer()
            .withHealthCheck(HEALTH_CHECK_INTERVAL, AgentHttpServer.READ_ONLY_PORT);
    MetricsRegistry registry = new MetricsRegistry();
    AtomicBoolean synced = new AtomicBoolean();
    return vertx
        .executeBlocking(() -> KubeClient.fromKubeconfig(vertx, kubeconfig))
        .compose(
            client ->
                vertx.deployVerticle(
                    new ServiceProxyVerticle(client, informers, options, registry)))
        .compose(
            id -> {
              synced.set(true);
              return LoadBalancerEndpoint.serve(vertx, "127.0.0.1", 0, registry, synced::get)
                  .map(
                      port -> {
                        loadBalancerEndpoint = "127.0.0.1:" + port;
                        return id;
                      });
            })
        .recover(e -> Future.failedFuture("load balancer: " + e.getMessage()))
        .onSuccess(deployments::add);
  }

  /** Where the LoadBalancer role serves /healthz and /metrics ("127.0.0.1:PORT") once started. */
  String loadBalancerEndpoint() {
    return loadBalancerEndpoint;
  }

  /**
   * Stops every agent, which stops its pods (their processes or containers), while this Vert.x
   * still runs their blocking work, then closes it; completes when all of that is done.
   */
  Future<Void> stop() {
    if (vertx == null) {
      return Future.succeededFuture();
    }
    List<Future<Void>> undeployed = new ArrayList<>();
    for (String id : List.copyOf(deployments)) {
      undeployed.add(vertx.undeploy(id));
    }
    return Future.join(undeployed).transform(ar -> vertx.close());
  }

  /** "node-1 127.64.0.1" per node. */
  List<String> descriptions() {
    return nodes.stream().map(n -> n.name() + " " + n.address()).toList();
  }
}
