package dev.skiff.agent;

import dev.skiff.agent.access.AgentAccess;
import dev.skiff.agent.http.AgentHttpServer;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.network.PodRouteSync;
import dev.skiff.agent.node.JvmMemory;
import dev.skiff.agent.node.LeaseRenewer;
import dev.skiff.agent.node.NodeIdentity;
import dev.skiff.agent.node.NodeRegistrar;
import dev.skiff.agent.pod.PodController;
import dev.skiff.agent.pod.PodSettings;
import dev.skiff.agent.pod.PodStartupTrace;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.stats.UsageSampler;
import dev.skiff.agent.storage.LocalPathProvisioner;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.InformerFactory;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node agent: serves its HTTP endpoint, prepares its runtime (adopting or cleaning up what an
 * earlier agent left), registers the Node, keeps its Lease fresh, runs the pods bound to it, then
 * deploys the node components. start() completes when all of that runs; stop() reports the node
 * NotReady.
 */
public final class NodeAgentVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgentVerticle.class);

  /** How often the node and its containers are measured for metrics.k8s.io. */
  private static final Duration USAGE_INTERVAL = Duration.ofSeconds(5);

  private final NodeAgentOptions options;
  private final Clock clock;
  private final AgentAccess access;
  private final InformerFactory sharedInformers;
  private InformerFactory informers;
  private final List<String> deployments = new ArrayList<>();
  private WorkerExecutor blocking;
  private KubeClient client;
  private ContainerRuntime runtime;
  private AgentHttpServer http;
  private NodeRegistrar registrar;
  private LeaseRenewer lease;
  private PodController pods;
  private UsageSampler usage;

  public NodeAgentVerticle(NodeAgentOptions options) {
    this(options, Clock.systemUTC());
  }

  public NodeAgentVerticle(NodeAgentOptions options, Clock clock) {
    this(options, clock, null);
  }

  /**
   * @param access the cluster's agent credential: the agent's port serves TLS and only the API
   *     server; null serves plain HTTP without exec, attach or port-forward
   */
  public NodeAgentVerticle(NodeAgentOptions options, Clock clock, AgentAccess access) {
    this(options, clock, access, null);
  }

  /**
   * @param informers informers shared with the other components of the JVM (an embedded cluster),
   *     or null for informers of the agent's own
   */
  public NodeAgentVerticle(
      NodeAgentOptions options, Clock clock, AgentAccess access, InformerFactory informers) {
    this.options = options;
    this.clock = clock;
    this.access = access;
    this.sharedInformers = informers;
  }

  @Override
  public Future<?> start() {
    blocking = vertx.createSharedWorkerExecutor("skiff-agent-" + options.name(), 16);
    return blocking
        .executeBlocking(
            () ->
                options.kubeconfig() != null
                    ? KubeClient.fromKubeconfig(vertx, options.kubeconfig())
                    : new KubeClient(vertx, options.apiServer(), options.token()),
            false)
        .compose(this::startWith);
  }

  private Future<Void> startWith(KubeClient kubeClient) {
    client = kubeClient;
    informers =
        sharedInformers != null ? sharedInformers : InformerFactory.perInformer(vertx, client);
    LogStore logs =
        new LogStore(
            options.dataDir().resolve("logs"), options.logMaxBytes(), options.logMaxFiles());
    runtime = Runtimes.create(vertx, blocking, logs, options);
    pods =
        new PodController(vertx, client, informers, podSettings(), runtime, logs, blocking, clock);
    http =
        new AgentHttpServer(
            vertx,
            pods.pods(),
            runtime,
            logs,
            blocking,
            () -> {
              StringBuilder text = new StringBuilder(AgentMetrics.render(runtime));
              text.append(JvmMemory.read().metrics());
              options.components().forEach(c -> text.append(c.metrics()));
              return text.toString();
            },
            clock,
            access);
    usage = new UsageSampler(vertx, runtime, blocking, clock, USAGE_INTERVAL);
    http.serve(
        "/stats/summary",
        ctx ->
            ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(usage.summary().encode()));
    return http.listen(options.address(), options.port())
        .compose(s -> runtime.start())
        .onSuccess(v -> usage.start())
        .compose(v -> register())
        .compose(v -> pods.start())
        .onSuccess(
            v ->
                new LocalPathProvisioner(
                        vertx,
                        client,
                        blocking,
                        options.name(),
                        options.hostname(),
                        options.dataDir().resolve("storage").toAbsolutePath(),
                        pods.claims(),
                        pods.volumes(),
                        clock)
                    .start())
        .compose(v -> deployComponents())
        .onSuccess(
            v ->
                LOG.info(
                    "node agent {} ({} runtime) serves {}://{}:{}",
                    options.name(),
                    runtime.type(),
                    access == null ? "http" : "https",
                    options.address(),
                    http.actualPort()));
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> undeployed = new ArrayList<>();
    if (usage != null) {
      usage.stop();
    }
    deployments.forEach(id -> undeployed.add(vertx.undeploy(id)));
    if (lease != null) {
      lease.stop();
    }
    return Future.join(undeployed)
        .transform(ar -> pods == null ? Future.succeededFuture() : pods.stop())
        .transform(ar -> registrar == null ? Future.succeededFuture() : registrar.markNotReady())
        .transform(ar -> runtime == null ? Future.succeededFuture() : runtime.close())
        .transform(ar -> http == null ? Future.succeededFuture() : http.close())
        .transform(ar -> client == null ? Future.succeededFuture() : client.close())
        .transform(ar -> blocking == null ? Future.succeededFuture() : blocking.close());
  }

  /** The port the agent's HTTP server listens on. */
  public int port() {
    return http.actualPort();
  }

  public ContainerRuntime runtime() {
    return runtime;
  }

  /** When the stages of recent pod starts happened (for benchmarks and diagnosis). */
  public PodStartupTrace startupTrace() {
    return pods.startupTrace();
  }

  private Future<Void> register() {
    NodeIdentity identity =
        new NodeIdentity(
            options.name(),
            options.address(),
            options.hostname(),
            http.actualPort(),
            options.podCidr(),
            options.labels(),
            options.capacity(),
            runtime.version());
    registrar =
        new NodeRegistrar(vertx, client, identity, blocking, clock, options.statusInterval());
    return registrar
        .register()
        .compose(
            node -> {
              lease =
                  new LeaseRenewer(
                      vertx,
                      client,
                      node,
                      options.leaseDuration(),
                      options.leaseRenewInterval(),
                      clock);
              return lease.start();
            });
  }

  private Future<Void> deployComponents() {
    NodeEnvironment env =
        new NodeEnvironment(
            options.name(),
            options.address(),
            client,
            options.podCidr(),
            options.serviceCidr(),
            options.clusterDns(),
            options.clusterDomain(),
            runtime.type(),
            informers);
    Future<Void> chain = Future.succeededFuture();
    if (NodeAgentOptions.BRIDGE.equals(options.podNetwork())
        && NodeAgentOptions.PROCESS.equals(options.runtime())) {
      chain =
          vertx
              .deployVerticle(
                  new PodRouteSync(informers, blocking, options.name(), options.podCidr()))
              .onSuccess(deployments::add)
              .mapEmpty();
    }
    for (NodeComponent component : options.components()) {
      chain =
          chain.compose(
              v ->
                  vertx
                      .deployVerticle(component.create(env))
                      .onSuccess(deployments::add)
                      .onFailure(
                          e -> LOG.error("node component {} failed to start", component.name(), e))
                      .mapEmpty());
    }
    return chain;
  }

  private PodSettings podSettings() {
    return new PodSettings(
        options.name(),
        options.address(),
        options.clusterDns(),
        options.clusterDomain(),
        options.backoffInitial(),
        options.backoffMax(),
        options.podResync(),
        options.podWorkers(),
        options.capacity(),
        options.dataDir().resolve("pods"));
  }
}
