package dev.skiff.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.agent.FileTrees;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.client.PatchOptions;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.cli.ReadyInfo;
import dev.skiff.cli.embedded.EmbeddedCluster;
import dev.skiff.cli.embedded.EmbeddedOptions;
import dev.skiff.cli.resource.Manifests;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

  private SkiffCluster(Path parent, EmbeddedCluster cluster, ReadyInfo info) {
    this.parent = parent;
    this.cluster = cluster;
    this.info = info;
    this.vertx = Vertx.vertx();
    this.client = KubeClient.fromKubeconfig(vertx, Path.of(info.kubeconfig()));
    this.proxies = NodeProxies.of(info.nodes());
  }

  /** Starts a cluster of {@code nodes} nodes; returns once every node is Ready and DNS answers. */
  public static SkiffCluster start(int nodes) {
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
   * objects without a namespace go to {@code default}.
   *
   * @return {@code kind/name} of each object applied
   */
  public List<String> apply(String manifest) {
    List<String> applied = new ArrayList<>();
    for (Manifests.Manifest m : Manifests.parse(manifest, "manifest")) {
      ObjectNode object = m.object();
      String apiVersion = object.path("apiVersion").asText();
      String kind = object.path("kind").asText();
      String name = object.path("metadata").path("name").asText();
      ResourceType type =
          Resources.byApiVersionKind(apiVersion, kind)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Skiff does not serve " + apiVersion + " " + kind));
      String namespace = null;
      if (type.namespaced()) {
        namespace = object.path("metadata").path("namespace").asText("default");
        object.withObject("metadata").put("namespace", namespace);
      }
      Await.result(
          client
              .raw()
              .patch(
                  type,
                  namespace,
                  name,
                  PatchType.APPLY,
                  object,
                  PatchOptions.apply(FIELD_MANAGER, true)),
          CALL_TIMEOUT);
      applied.add(kind.toLowerCase() + "/" + name);
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
