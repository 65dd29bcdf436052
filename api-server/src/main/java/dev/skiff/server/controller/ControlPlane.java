package dev.skiff.server.controller;

import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.alloc.ServiceAllocation;
import dev.skiff.server.alloc.ServiceAllocators;
import dev.skiff.server.controller.allocationrepair.AllocationRepair;
import dev.skiff.server.controller.gc.GcDeletionHook;
import dev.skiff.server.controller.kubernetes.KubernetesServiceOptions;
import dev.skiff.server.controller.kubernetes.KubernetesServiceVerticle;
import dev.skiff.server.registry.ModelAdmission;
import dev.skiff.server.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Wires the controllers into one api-server replica:
 *
 * <pre>{@code
 * ControlPlane plane = new ControlPlane(hazelcast, AllocationOptions.defaults(), Clock.systemUTC());
 * plane.rebuild(vertx, store)                                   // claims of stored Services
 *     .map(v -> new ApiServerVerticle(store, plane.apply(options))) // allocation + GC hook
 *     .compose(vertx::deployVerticle)
 *     .compose(id -> plane.startControllers(vertx, client, ControllerOptions.defaults()));
 * }</pre>
 */
public final class ControlPlane {
  private final ServiceAllocators allocators;

  /** The serving certificate's PEM (self-signed: it is its own CA), as the last apply saw it. */
  private volatile String rootCa;

  /** Whether this replica runs the controller manager (so ServiceAccount admission applies). */
  private volatile boolean controllers;

  public ControlPlane(HazelcastInstance hazelcast, AllocationOptions allocation, Clock clock) {
    this.allocators = new ServiceAllocators(hazelcast, allocation, clock);
  }

  public ServiceAllocators allocators() {
    return allocators;
  }

  /**
   * Claims every value the stored Services hold (after a restart the allocation maps may be empty).
   * Run before the replica serves, so no create can take a value a stored Service has.
   */
  public Future<Void> rebuild(Vertx vertx, Store store) {
    return store
        .list(Resources.SERVICES.qualifiedName(), null)
        .compose(
            list -> {
              List<Service> services =
                  list.items().stream().map(o -> Json.convert(o, Service.class)).toList();
              return vertx.executeBlocking(
                  () -> new AllocationRepair(allocators).rebuild(services), false);
            })
        .mapEmpty();
  }

  /**
   * The options with Service allocation as a step of their {@link ModelAdmission}, ServiceAccount
   * admission (once {@link #startControllers} has run: the controllers create the {@code default}
   * ServiceAccounts), and the GC's deletion hook. Remembers the serving certificate, which the
   * controllers publish as {@code kube-root-ca.crt}.
   */
  public ApiServerOptions apply(ApiServerOptions options) {
    if (!(options.admission() instanceof ModelAdmission model)) {
      throw new IllegalArgumentException("Service allocation is a step of ModelAdmission");
    }
    if (options.certificate() != null) {
      rootCa = options.certificate().certificatePem();
    }
    return options
        .withAdmission(
            model.with(new ServiceAllocation(allocators)).withServiceAccounts(() -> controllers))
        .withDeletionHook(new GcDeletionHook());
  }

  /** Deploys a {@link ControllerManager} (leader election, then the controllers). */
  public Future<ControllerManager> startControllers(
      Vertx vertx, KubeClient client, ControllerOptions options) {
    ControllerManager manager = new ControllerManager(client, allocators, options, rootCa);
    controllers = true;
    return vertx.deployVerticle(manager).map(id -> manager);
  }

  /**
   * Deploys this replica's share of the {@code default/kubernetes} Service (its Lease and endpoint;
   * the Service itself if missing). Runs on every replica, leader or not.
   */
  public Future<KubernetesServiceVerticle> startKubernetesService(
      Vertx vertx, KubeClient client, KubernetesServiceOptions options, Clock clock) {
    KubernetesServiceVerticle verticle = new KubernetesServiceVerticle(client, options, clock);
    return vertx.deployVerticle(verticle).map(id -> verticle);
  }

  /**
   * A client of this replica's own HTTP endpoint. Over https the replica's certificate is
   * self-signed, so the client skips verification (loopback only), through a kubeconfig written to
   * a private temporary file. Blocking file I/O: call at start-up.
   */
  public static KubeClient localClient(Vertx vertx, String url, String token) {
    if (!url.startsWith("https:")) {
      return new KubeClient(vertx, url, token);
    }
    try {
      Path file = Files.createTempFile("skiff-controllers", ".kubeconfig");
      file.toFile().deleteOnExit();
      Files.writeString(
          file,
          "apiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: "
              + url
              + "\n    insecure-skip-tls-verify: true\nusers:\n- name: local\n  user:\n    token: "
              + token
              + "\ncontexts:\n- name: local\n  context:\n    cluster: local\n    user: local\n"
              + "current-context: local\n");
      KubeClient client = KubeClient.fromKubeconfig(vertx, file);
      Files.deleteIfExists(file);
      return client;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
