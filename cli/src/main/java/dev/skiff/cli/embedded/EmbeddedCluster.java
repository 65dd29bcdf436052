package dev.skiff.cli.embedded;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.cli.ReadyInfo;
import dev.skiff.cli.embedded.docker.DockerCleanup;
import dev.skiff.cli.embedded.docker.DockerHost;
import dev.skiff.cli.embedded.docker.HostRoutes;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.cluster.ClusterSecret;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.controller.ControllerOptions;
import dev.skiff.server.controller.kubernetes.KubernetesServiceOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A whole cluster in one JVM: a single-member Hazelcast store, the api-server (with its
 * controllers) and the node agents ({@link EmbeddedNodes}); with the Docker runtime, also what it
 * sets up on the host ({@link DockerHost}), removed again by {@link #stop()}. Lifecycle: {@link
 * #start()} once, then {@link #stop()}. The store persists in {@code <cluster dir>/data/store}, so
 * the next start finds the same objects.
 */
public final class EmbeddedCluster {
  private final EmbeddedOptions options;
  private final StartTrace trace = new StartTrace();
  private final AtomicReference<StartTrace.Mark> storeLoad = new AtomicReference<>();
  private final List<String> notices = new ArrayList<>();
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private EmbeddedNodes nodes;
  private ServerReplica replica;
  private ClusterAddresses addresses;
  private ClusterAddresses.SlotClaim slotClaim;
  private DockerHost dockerHost;
  private ApiServerVerticle api;
  private KubeClient client;
  private InformerFactory informers;
  private String token;
  private AgentCredentials agentCredentials;
  private String dnsAddress;

  public EmbeddedCluster(EmbeddedOptions options) {
    this.options = options;
  }

  /** The Hazelcast cluster name, a secret kept in the data directory (blocking: main thread). */
  private String clusterSecret() {
    try {
      return ClusterSecret.of(options.dir().resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the cluster's name", e);
    }
  }

  /** Starts everything; completes when the cluster is usable. */
  public Future<ReadyInfo> start() {
    trace.jvmStarted();
    StartTrace.Mark t0 = trace.mark();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName(clusterSecret())
            .withPort(freePort())
            .withChangeLogCapacity(changeLogCapacity())
            // compacted like kube-apiserver's etcd: a change older than 5 minutes is gone (a watch
            // resuming before it relists), so steady writes of large objects stay bounded
            .withChangeLogTtl(Duration.ofMinutes(5))
            .withDataDir(options.dir().resolve("data"));
    settings = settings.withMembers(List.of("127.0.0.1:" + settings.port()));
    // Our shutdown hook stops the cluster in order (node agents, their pods and containers, then
    // the store); Hazelcast's own hook would close the member, and with it Vert.x, underneath it.
    com.hazelcast.config.Config hazelcast = HazelcastConfigs.replica(settings);
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Native transport (epoll): the Docker runtime's unix socket, and SO_REUSEPORT for the proxies.
    return ServerReplica.start(
            new VertxOptions().setPreferNativeTransport(true),
            hazelcast,
            () -> {
              // the member is up: what follows (off the event loop) loads the saved state
              t0.step("Vert.x and Hazelcast member");
              storeLoad.set(trace.mark());
              slotClaim = ClusterAddresses.forCluster(options.dir(), docker());
              addresses = slotClaim.addresses();
              if (docker()) {
                prepareDockerHost();
              }
              return null;
            })
        .onSuccess(
            r -> {
              replica = r;
              storeLoad.get().step("store loaded");
            })
        .compose(v -> startApiServer())
        .compose(url -> startControllers(url).map(url))
        .compose(url -> startNodes(url).map(url))
        .map(
            url ->
                new ReadyInfo(
                    url,
                    kubeconfig().toString(),
                    nodes.descriptions(),
                    dnsAddress,
                    trace.steps(),
                    addresses.summary(),
                    nodes.loadBalancerEndpoint(),
                    List.copyOf(notices)));
  }

  private Future<String> startApiServer() {
    StartTrace.Mark t1 = trace.mark();
    token = token();
    agentCredentials = agentCredentials();
    StartTrace.Mark keys = trace.mark();
    // the certificate also names the default/kubernetes Service's ClusterIP, and the names clients
    // reach a published port at (--tls-san)
    List<String> extraHosts = new ArrayList<>(options.tlsSans());
    extraHosts.add(kubernetesOptions(0).clusterIp());
    ServingCertificate certificate =
        ApiServerOptions.selfSigned(EmbeddedOptions.LOOPBACK, extraHosts);
    keys.step("TLS key and certificate");
    ApiServerOptions apiOptions = ApiServerOptions.defaults(token, certificate);
    if (!options.apiAddress().equals(apiOptions.host())) {
      apiOptions = apiOptions.withHost(options.apiAddress()).withCertificate(certificate);
    }
    return replica
        .serve(
            AllocationOptions.defaults()
                .withServiceCidr(addresses.serviceCidr())
                .withLoadBalancerPool(addresses.loadBalancerPool()),
            apiOptions,
            applied ->
                new StableApiPort(options.dir(), options.apiPort())
                    .deploy(
                        replica.vertx(),
                        port ->
                            new ApiServerVerticle(
                                replica.store(),
                                applied.withPort(port),
                                Clock.systemUTC(),
                                agentCredentials.nodeAccess()),
                        notices::add))
        .compose(
            deployed -> {
              api = deployed;
              return writeKubeconfig(api);
            })
        .map(
            v -> {
              t1.step("api-server");
              return api.url();
            });
  }

  /** The kubeconfig, named {@code skiff-NAME} (cluster, user, context) like kind's kind-NAME. */
  private Future<Void> writeKubeconfig(ApiServerVerticle api) {
    return replica
        .vertx()
        .executeBlocking(
            () -> {
              KubeconfigFile.write(
                  kubeconfig(),
                  api.url(),
                  token,
                  api.options().certificate(),
                  "skiff-" + options.name());
              return null;
            });
  }

  /** The default/kubernetes Service: the API server on loopback, behind the first ClusterIP. */
  private KubernetesServiceOptions kubernetesOptions(int port) {
    return KubernetesServiceOptions.of("127.0.0.1", port, addresses.serviceCidr());
  }

  private boolean docker() {
    return options.runtime().equals(NodeAgentOptions.DOCKER);
  }

  /**
   * Records what the cluster will create on the host (before creating it, so that skiff down finds
   * it after a crash), then makes the cluster's range local. Blocking.
   */
  private void prepareDockerHost() throws IOException {
    dockerHost =
        DockerHost.record(
            options.dir(),
            options.name(),
            Path.of(DockerClient.defaultSocket()),
            // Services, LoadBalancer IPs and nodes are answered on this host; an address of the
            // pod range that is on no node's network goes nowhere (never out of the machine).
            List.of(
                HostRoutes.local(addresses.localRange()),
                HostRoutes.blackhole(addresses.podRange())),
            addresses.podRange());
    dockerHost.addRoutes();
  }

  private Future<Void> startControllers(String url) {
    StartTrace.Mark t = trace.mark();
    // A stable identity: after skiff down/up the controllers hold their own Lease at once
    // instead of waiting for the previous process's Lease to expire.
    return replica
        .startControllers(
            "127.0.0.1",
            addresses.serviceCidr(),
            ControllerOptions.defaults().withIdentity("embedded-" + options.name()))
        .map(
            c -> {
              client = c;
              informers = replica.informers();
              t.step("controllers");
              return null;
            });
  }

  private Future<Void> startNodes(String url) {
    StartTrace.Mark t = trace.mark();
    Vertx vertx = replica.vertx();
    nodes =
        EmbeddedNodes.of(
            options, addresses, dockerHost, url, kubeconfig(), agentCredentials, informers);
    return KubeDns.ensureService(client, addresses.serviceCidr())
        .compose(v -> nodes.start())
        .compose(
            v -> {
              t.step(options.nodes() + " node agent(s) started");
              StartTrace.Mark registered = trace.mark();
              return NodesReady.await(vertx, client, options.nodes(), READY_TIMEOUT)
                  .onSuccess(r -> registered.step(options.nodes() + " node(s) Ready"));
            })
        .compose(v -> awaitDns(vertx))
        .onSuccess(v -> trace.total("in the cluster JVM since its start"));
  }

  /** kube-dns answering on its ClusterIP, or (without the right to bind port 53) on node 1. */
  private Future<Void> awaitDns(Vertx vertx) {
    StartTrace.Mark t = trace.mark();
    return KubeDns.awaitAnswer(vertx, addresses.dnsServiceIp(), 53, Duration.ofSeconds(10))
        .map(
            v -> {
              dnsAddress = addresses.dnsServiceIp() + ":53";
              return (Void) null;
            })
        .recover(
            e ->
                KubeDns.awaitAnswer(
                        vertx, addresses.nodeAddress(1), KubeDns.SERVER_PORT, READY_TIMEOUT)
                    .map(
                        v -> {
                          dnsAddress = addresses.nodeAddress(1) + ":" + KubeDns.SERVER_PORT;
                          return null;
                        }))
        .onSuccess(v -> t.step("cluster DNS answering at " + dnsAddress));
  }

  private Path kubeconfig() {
    return options.dir().resolve("kubeconfig");
  }

  /** Stops everything this cluster started: node agents (and their pods) first. */
  public Future<Void> stop() {
    if (replica == null) {
      releaseSlot();
      return Future.succeededFuture();
    }
    Vertx vertx = replica.vertx();
    Future<Void> nodesStopped = nodes == null ? Future.succeededFuture() : nodes.stop();
    return nodesStopped
        .transform(r -> removeDockerHost(vertx))
        .transform(r -> replica.stop())
        .onComplete(r -> releaseSlot());
  }

  /** Gives the cluster's address slot back (held from the start, so no other cluster takes it). */
  private void releaseSlot() {
    if (slotClaim != null) {
      slotClaim.close();
    }
  }

  /** Docker runtime: the containers the node agents leave, the networks, the routes. */
  private Future<Void> removeDockerHost(Vertx vertx) {
    if (dockerHost == null) {
      return Future.succeededFuture();
    }
    return DockerCleanup.run(vertx, options.dir(), dockerHost)
        .<Void>mapEmpty()
        .onFailure(e -> System.err.println("skiff: cleaning up Docker: " + e.getMessage()));
  }

  private String token() {
    try {
      return AgentCredentials.secretFile(options.dir().resolve("data").resolve("token"), 24);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AgentCredentials agentCredentials() {
    try {
      return AgentCredentials.load(options.dir().resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Changes the store's change log keeps: one per 32 KiB of heap, 10,000 to 50,000 (at a typical 3
   * KB object, a tenth of the heap at most; the fixed 50,000 filled a 256 MiB heap).
   */
  static int changeLogCapacity() {
    long perHeap = Runtime.getRuntime().maxMemory() / (32 * 1024);
    return (int) Math.max(10_000, Math.min(50_000, perHeap));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
