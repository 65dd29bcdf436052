package dev.skiff.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.agent.FileTrees;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.Kubeconfig;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.cli.ReadyInfo;
import dev.skiff.cli.embedded.EmbeddedCluster;
import dev.skiff.cli.embedded.EmbeddedOptions;
import dev.skiff.cli.resource.Manifests;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A whole Skiff cluster inside the test's JVM: an api-server with its controllers, node agents
 * running pods as local processes (each pod on its own loopback IP), their service proxies and
 * cluster DNS, as {@code skiff up} starts it. Services' ClusterIPs, NodePorts and LoadBalancer IPs
 * are loopback addresses, so the test reaches them directly. Blocking methods are for test threads.
 */
public final class SkiffCluster implements AutoCloseable {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final String FIELD_MANAGER = "skiff-testkit";

  private final Path parent;
  private final EmbeddedCluster cluster;
  private final ReadyInfo info;
  private final Vertx vertx;
  private final KubeClient client;
  private final NodeProxies proxies;
  private final ObjectKinds kinds;
  private final List<KubeClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

  private SkiffCluster(Path parent, EmbeddedCluster cluster, ReadyInfo info) {
    this.parent = parent;
    this.cluster = cluster;
    this.info = info;
    this.vertx = Vertx.vertx();
    this.client = KubeClient.fromKubeconfig(vertx, Path.of(info.kubeconfig()));
    this.proxies = NodeProxies.of(info.nodes());
    this.kinds = new ObjectKinds(client);
  }

  /** Starts a cluster of {@code nodes} nodes; returns once every node is Ready and DNS answers. */
  public static SkiffCluster start(int nodes) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(nodes);
      } catch (RuntimeException e) {
        // Skiff's clusters claim their address ranges (ClusterAddresses.SlotClaim); a process that
        // does not (an older Skiff, anything else on 127.64.0.0/10) can still take an address
        // between the claim and the bind: the next start claims other ranges.
        if (attempt == START_ATTEMPTS || !addressInUse(e)) {
          throw e;
        }
      }
    }
  }

  private static final int START_ATTEMPTS = 3;

  private static boolean addressInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static SkiffCluster startOnce(int nodes) {
    Path parent;
    try {
      parent = Files.createTempDirectory("skiff-testkit-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedCluster cluster =
        new EmbeddedCluster(new EmbeddedOptions("test", parent.resolve("test"), nodes, "process"));
    try {
      ReadyInfo info = Await.result(cluster.start(), Duration.ofSeconds(120));
      return new SkiffCluster(parent, cluster, info);
    } catch (RuntimeException e) {
      Await.quietly(cluster.stop(), Duration.ofSeconds(20));
      deleteQuietly(parent);
      throw e;
    }
  }

  /** The kubeconfig of the cluster (for kubectl, fabric8's {@code Config.fromKubeconfig}, ...). */
  public Path kubeconfig() {
    return Path.of(info.kubeconfig());
  }

  /**
   * The start's phases with their durations ("store (Hazelcast) 412 ms", "api-server 80 ms", ...),
   * as {@code skiff up} prints them.
   */
  public List<String> startSteps() {
    return info.steps();
  }

  /** The API server's URL. */
  public String server() {
    return info.server();
  }

  /** The cluster DNS server, {@code host:port}. */
  public String dnsServer() {
    return info.dns();
  }

  /** Skiff's asynchronous Kubernetes client, connected to this cluster. */
  public KubeClient client() {
    return client;
  }

  /**
   * Server-side applies every object of a YAML or JSON manifest (several documents allowed);
   * objects without a namespace go to {@code default}. Any kind the server serves may be applied,
   * custom resources included (found through discovery, as kubectl finds them).
   *
   * @return {@code kind/name} of each object applied
   * @throws IllegalArgumentException for a kind the server does not serve
   */
  public List<String> apply(String manifest) {
    return applyIn("default", manifest);
  }

  /** {@link #apply(String)}, with {@code namespace} for objects that name none. */
  public List<String> applyIn(String namespace, String manifest) {
    List<String> applied = new ArrayList<>();
    for (Manifests.Manifest m : Manifests.parse(manifest, "manifest")) {
      ObjectNode object = m.object();
      ObjectKinds.Kind kind =
          kinds.of(object.path("apiVersion").asText(), object.path("kind").asText());
      String name = object.path("metadata").path("name").asText();
      String ns = null;
      if (kind.namespaced()) {
        ns = object.path("metadata").path("namespace").asText(namespace);
        object.withObject("metadata").put("namespace", ns);
      }
      Await.result(
          client
              .raw()
              .request(
                  HttpMethod.PATCH,
                  kind.path(ns, name) + "?fieldManager=" + FIELD_MANAGER + "&force=true",
                  PatchType.APPLY.contentType(),
                  object),
          CALL_TIMEOUT);
      applied.add(kind.kind().toLowerCase(Locale.ROOT) + "/" + name);
    }
    return applied;
  }

  /** {@link #apply(String)} for a manifest file. */
  public List<String> apply(Path manifest) {
    try {
      return apply(Files.readString(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the object's {@code status.conditions} has {@code type} with status "True" ({@code
   * Established} for a CustomResourceDefinition, {@code Available} for a Deployment, {@code Ready}
   * for a Pod or a custom resource that reports it), like {@code kubectl wait
   * --for=condition=TYPE}.
   *
   * @param namespace ignored for cluster-scoped kinds
   * @return the object as it was when the condition held
   */
  public ObjectNode awaitCondition(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      String type,
      Duration timeout) {
    return awaitObject(
        apiVersion,
        kind,
        namespace,
        name,
        object -> Waits.hasCondition(object, type),
        "condition " + type + "=True",
        timeout);
  }

  /**
   * Waits until the object exists and {@code condition} holds for it (read after 5 ms, then less
   * often, up to every 50 ms), for any kind the server serves; fails with the object's last state
   * when the timeout passes.
   *
   * @param description what the condition means, for the failure message
   * @return the object as it was when the condition held
   */
  public ObjectNode awaitObject(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      Predicate<ObjectNode> condition,
      String description,
      Duration timeout) {
    ObjectKinds.Kind k = kinds.of(apiVersion, kind);
    return Waits.until(
        () -> Waits.getOrNull(client, k.path(namespace, name), CALL_TIMEOUT),
        condition,
        kind + " " + (k.namespaced() ? namespace + "/" : "") + name + ": " + description,
        timeout);
  }

  /**
   * Creates a namespace named {@code prefix} and a random suffix, and waits for its {@code default}
   * ServiceAccount.
   */
  public String createNamespace(String prefix) {
    String name = Waits.namespaceName(prefix);
    Namespace ns = new Namespace();
    ns.meta().name = name;
    Await.result(client.create(ns), CALL_TIMEOUT);
    awaitObject(
        "v1", "ServiceAccount", name, "default", o -> true, "exists", Duration.ofSeconds(30));
    return name;
  }

  /** Deletes a namespace (and so everything in it); returns without waiting for it to go. */
  public void deleteNamespace(String name) {
    Await.quietly(client.delete(Namespace.class, null, name, DeleteOptions.none()), CALL_TIMEOUT);
  }

  /**
   * A token for a ServiceAccount (a TokenRequest, valid for an hour), as {@code kubectl create
   * token}.
   */
  public String serviceAccountToken(String namespace, String serviceAccount) {
    ObjectNode request = dev.skiff.api.Json.mapper().createObjectNode();
    request.put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest");
    request.putObject("spec").put("expirationSeconds", 3600);
    String path =
        "/api/v1/namespaces/" + namespace + "/serviceaccounts/" + serviceAccount + "/token";
    ObjectNode response =
        dev.skiff.api.Json.tree(
            Await.result(
                    client.raw().request(HttpMethod.POST, path, "application/json", request),
                    CALL_TIMEOUT)
                .getBytes());
    return response.path("status").path("token").asText();
  }

  /**
   * Skiff's client acting as a ServiceAccount: it may do exactly what the cluster's RBAC bindings
   * grant that ServiceAccount (closed with the cluster).
   */
  public KubeClient clientAs(String namespace, String serviceAccount) {
    Kubeconfig admin = Kubeconfig.load(kubeconfig());
    KubeClient sa =
        new KubeClient(
            vertx,
            new Kubeconfig(
                admin.server(),
                serviceAccountToken(namespace, serviceAccount),
                admin.certificateAuthorityPem(),
                admin.insecureSkipTlsVerify()));
    clients.add(sa);
    return sa;
  }

  /**
   * A kubeconfig file that authenticates as a ServiceAccount, for kubectl, fabric8 ({@code
   * Config.fromKubeconfig}) or an operator under test: it gets the permissions its manifests grant,
   * and a 403 for the rest.
   */
  public Path kubeconfigAs(String namespace, String serviceAccount) {
    return Waits.kubeconfigWithToken(
        kubeconfig(),
        parent.resolve("kubeconfig-" + namespace + "-" + serviceAccount),
        serviceAccountToken(namespace, serviceAccount));
  }

  /**
   * Waits until a Service's EndpointSlices list at least {@code count} ready endpoints and the
   * service proxy of every node routes each of its ports to that many: a connection to the Service
   * then reaches a ready pod, whichever node's proxy takes it.
   */
  public void awaitReadyEndpoints(String namespace, String service, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int ready = 0;
    while (System.nanoTime() < deadline) {
      ready = readyEndpoints(namespace, service);
      if (ready >= count && proxies.allRoute(namespace + "/" + service, count)) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError(
        "service "
            + namespace
            + "/"
            + service
            + " has "
            + ready
            + " ready endpoints after "
            + timeout
            + ", expected "
            + count);
  }

  /** The ready endpoints of a Service, counted over its EndpointSlices. */
  public int readyEndpoints(String namespace, String service) {
    List<EndpointSlice> slices =
        Await.result(
                client.list(
                    EndpointSlice.class,
                    namespace,
                    ListOptions.labelSelector(EndpointSlice.SERVICE_NAME_LABEL + "=" + service)),
                CALL_TIMEOUT)
            .items;
    int ready = 0;
    for (EndpointSlice slice : slices) {
      if (slice.endpoints != null) {
        ready +=
            (int)
                slice.endpoints.stream()
                    .filter(e -> e.conditions != null && Boolean.TRUE.equals(e.conditions.ready))
                    .count();
      }
    }
    return ready;
  }

  /** The ClusterIP and port of a Service: reachable from the test, as from every pod. */
  public InetSocketAddress serviceAddress(String namespace, String service, int port) {
    Service svc = Await.result(client.get(Service.class, namespace, service), CALL_TIMEOUT);
    String ip = svc.spec().clusterIP;
    if (ip == null || ip.isEmpty() || "None".equals(ip)) {
      throw new IllegalStateException(
          "service " + namespace + "/" + service + " has no ClusterIP (headless?)");
    }
    return new InetSocketAddress(ip, port);
  }

  /** Stops every component, kills the pods' processes and deletes the cluster's files. */
  @Override
  public void close() {
    try {
      clients.forEach(c -> Await.quietly(c.close(), Duration.ofSeconds(5)));
      Await.quietly(cluster.stop(), Duration.ofSeconds(30));
      Await.quietly(vertx.close(), Duration.ofSeconds(10));
    } finally {
      deleteQuietly(parent);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Best effort: a pod's log file may still be open. */
  private static void deleteQuietly(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (UncheckedIOException e) {
      // what is left is in the temporary directory
    }
  }
}
