package dev.skiff.server.controller;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.meta.Times;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for node agents in controller tests: registers Ready nodes, renews their Leases (until
 * stopped per node), marks pods bound to them Running and Ready with a loopback IP (unless told to
 * hold pods not ready), and finishes graceful deletions.
 */
public final class FakeKubelet {
  private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

  private final Vertx vertx;
  private final KubeClient client;
  private final Set<String> nodes = ConcurrentHashMap.newKeySet();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> readiness = new ConcurrentHashMap<>();
  private volatile boolean autoReady = true;
  private Informer<Pod> pods;
  private long timer = -1;

  public FakeKubelet(Vertx vertx, KubeClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Registers the nodes (Ready) and starts heartbeats and pod handling. */
  public Future<Void> start(String... names) {
    List<Future<?>> created = new ArrayList<>();
    for (String name : names) {
      nodes.add(name);
      created.add(client.create(node(name, Map.of("skiff.dev/node", name))));
    }
    return Future.all(created)
        .compose(
            v -> {
              pods = new Informer<>(vertx, client, Pod.class, InformerOptions.defaults());
              pods.onAdd(this::handle).onUpdate((o, n) -> handle(n));
              timer = vertx.setPeriodic(300, id -> heartbeat());
              heartbeat();
              return pods.start();
            });
  }

  public void stop() {
    vertx.cancelTimer(timer);
    if (pods != null) {
      pods.stop();
    }
  }

  /** The node stops renewing its lease (its agent died). */
  public void silence(String node) {
    silent.add(node);
  }

  /** New pods stay not ready until {@link #setReady}. */
  public void holdPodsNotReady() {
    autoReady = false;
  }

  public void releasePods() {
    autoReady = true;
    pods.list().forEach(this::handle);
  }

  /** Sets one pod's Ready condition (its probe result). */
  public Future<Pod> setReady(String namespace, String name, boolean ready) {
    readiness.put(namespace + "/" + name, ready);
    return client
        .get(Pod.class, namespace, name)
        .compose(p -> client.updateStatus(withStatus(p, ready)));
  }

  public static Node node(String name, Map<String, String> labels) {
    Node node = new Node();
    node.meta().name = name;
    node.meta().labels = new java.util.LinkedHashMap<>(labels);
    NodeCondition ready = new NodeCondition();
    ready.type = "Ready";
    ready.status = "True";
    ready.reason = "KubeletReady";
    ready.lastHeartbeatTime = Times.time(Instant.now());
    ready.lastTransitionTime = ready.lastHeartbeatTime;
    node.status().conditions = new ArrayList<>(List.of(ready));
    return node;
  }

  private void heartbeat() {
    for (String name : nodes) {
      if (silent.contains(name)) {
        continue;
      }
      client
          .get(Lease.class, "kube-node-lease", name)
          .compose(
              lease -> {
                lease.spec().renewTime = Times.microTime(Instant.now());
                return client.update(lease);
              },
              e -> {
                Lease lease = new Lease();
                lease.meta().namespace = "kube-node-lease";
                lease.meta().name = name;
                lease.spec().holderIdentity = name;
                lease.spec().leaseDurationSeconds = 40;
                lease.spec().renewTime = Times.microTime(Instant.now());
                return client.create(lease);
              });
    }
  }

  private void handle(Pod pod) {
    String node = pod.spec == null ? null : pod.spec.nodeName;
    if (node == null || !nodes.contains(node) || silent.contains(node)) {
      return;
    }
    if (pod.meta().deletionTimestamp != null) {
      client
          .delete(
              Pod.class,
              pod.meta().namespace,
              pod.meta().name,
              DeleteOptions.none().withGracePeriodSeconds(0))
          .recover(Errors.ignoreNotFound());
      return;
    }
    boolean wantReady =
        readiness.getOrDefault(pod.meta().namespace + "/" + pod.meta().name, autoReady);
    boolean hasIp = pod.status != null && pod.status.podIP != null;
    if (!hasIp || isReady(pod) != wantReady) {
      client.updateStatus(withStatus(pod, wantReady)).recover(e -> Future.succeededFuture());
    }
  }

  private static Pod withStatus(Pod pod, boolean ready) {
    Pod p = Json.copy(pod, Pod.class);
    if (p.status().podIP == null) {
      int n = NEXT_IP.getAndIncrement();
      p.status.podIP = "127.1." + (n / 250) + "." + (n % 250 + 1);
    }
    p.status.phase = "Running";
    List<PodCondition> conditions = new ArrayList<>();
    if (p.status.conditions != null) {
      p.status.conditions.stream().filter(c -> !"Ready".equals(c.type)).forEach(conditions::add);
    }
    PodCondition c = new PodCondition();
    c.type = "Ready";
    c.status = ready ? "True" : "False";
    c.lastTransitionTime = Times.time(Instant.now());
    conditions.add(c);
    p.status.conditions = conditions;
    return p;
  }

  public static boolean isReady(Pod pod) {
    return pod.status != null
        && pod.status.conditions != null
        && pod.status.conditions.stream()
            .anyMatch(c -> "Ready".equals(c.type) && "True".equals(c.status));
  }
}
