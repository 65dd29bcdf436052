package dev.skiff.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.testing.TestApiServers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A third-party client, fabric8's KubernetesClient (Vert.x 5 HTTP, plain HTTP, bearer token),
 * against a real api-server replica: CRUD, errors, patches, server-side apply, scale, watch and a
 * SharedIndexInformer.
 */
class Fabric8ClientIT {
  private static final String NS = "default";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static TestApiServers servers;
  private static KubernetesClient k8s;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1, o -> o.withCertificate(null));
    k8s = Fabric8Clients.of(servers, 0, NS);
  }

  @AfterAll
  static void stop() {
    k8s.close();
    servers.close();
  }

  @Test
  void createsReadsListsEditsAndDeletesPods() {
    String group = "f8-" + NAMES.incrementAndGet();
    String name = name("crud");

    Pod created = k8s.pods().inNamespace(NS).resource(pod(name, group)).create();
    Pod read = k8s.pods().inNamespace(NS).withName(name).get();
    PodList listed = k8s.pods().inNamespace(NS).withLabel("group", group).list();
    Pod edited =
        k8s.pods()
            .inNamespace(NS)
            .withName(name)
            .edit(
                p ->
                    new PodBuilder(p)
                        .editMetadata()
                        .addToLabels("tier", "front")
                        .endMetadata()
                        .build());

    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(read.getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());
    assertThat(listed.getItems()).extracting(p -> p.getMetadata().getName()).containsExactly(name);
    assertThat(edited.getMetadata().getLabels()).containsEntry("tier", "front");

    assertThat(k8s.pods().inNamespace(NS).withName(name).withGracePeriod(0).delete()).hasSize(1);
    k8s.pods()
        .inNamespace(NS)
        .withName(name)
        .waitUntilCondition(java.util.Objects::isNull, 10, TimeUnit.SECONDS);
  }

  @Test
  void errorsCarryTheirHttpCodes() {
    String name = name("err");
    Pod created = k8s.pods().inNamespace(NS).resource(pod(name, "err")).create();

    assertThat(k8s.pods().inNamespace(NS).withName("no-such-pod").get()).isNull();
    assertThatThrownBy(() -> k8s.pods().inNamespace(NS).resource(pod(name, "err")).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    k8s.pods()
        .inNamespace(NS)
        .withName(name)
        .edit(p -> new PodBuilder(p).editMetadata().addToLabels("v", "2").endMetadata().build());
    assertThatThrownBy(() -> k8s.pods().inNamespace(NS).resource(created).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
            });
  }

  @Test
  void patchesAndServerSideApply() {
    String name = name("patch");
    k8s.pods().inNamespace(NS).resource(pod(name, "patch")).create();

    Pod merged =
        k8s.pods()
            .inNamespace(NS)
            .withName(name)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"m\":\"1\"}}}");
    Pod strategic =
        k8s.pods()
            .inNamespace(NS)
            .withName(name)
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx\"}]}}");
    Pod applied =
        k8s.pods()
            .inNamespace(NS)
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .addToLabels("ssa", "yes")
                    .endMetadata()
                    .build())
            .fieldManager("fabric8-it")
            .forceConflicts()
            .serverSideApply();

    assertThat(merged.getMetadata().getLabels()).containsEntry("m", "1");
    assertThat(strategic.getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("nginx"));
    assertThat(applied.getMetadata().getLabels())
        .containsEntry("ssa", "yes")
        .containsEntry("m", "1");
  }

  @Test
  void deploymentsScale() {
    String name = name("scale");
    k8s.apps()
        .deployments()
        .inNamespace(NS)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();

    k8s.apps().deployments().inNamespace(NS).withName(name).scale(3);

    Deployment scaled = k8s.apps().deployments().inNamespace(NS).withName(name).get();
    assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);
    assertThat(
            k8s.apps().deployments().inNamespace(NS).withName(name).scale().getSpec().getReplicas())
        .isEqualTo(3);
  }

  @Test
  void aWatchSeesAddedModifiedAndDeleted() {
    String group = "f8w-" + NAMES.incrementAndGet();
    String name = name("watch");
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch watch =
        k8s.pods()
            .inNamespace(NS)
            .withLabel("group", group)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    events.add(action + " " + pod.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    events.add("closed " + cause);
                  }
                })) {
      k8s.pods().inNamespace(NS).resource(pod(name, group)).create();
      k8s.pods()
          .inNamespace(NS)
          .withName(name)
          .edit(p -> new PodBuilder(p).editMetadata().addToLabels("v", "2").endMetadata().build());
      k8s.pods().inNamespace(NS).withName(name).withGracePeriod(0).delete();

      await().atMost(Duration.ofSeconds(15)).until(() -> events.contains("DELETED " + name));
      assertThat(events)
          .startsWith("ADDED " + name, "MODIFIED " + name)
          .doesNotContain("closed null");
    }
  }

  @Test
  void aSharedIndexInformerSyncsIndexesAndFollowsChanges() throws Exception {
    String group = "f8i-" + NAMES.incrementAndGet();
    String first = name("inf");
    k8s.pods().inNamespace(NS).resource(pod(first, group)).create();
    List<String> events = new CopyOnWriteArrayList<>();
    SharedIndexInformer<Pod> informer =
        k8s.pods().inNamespace(NS).withLabel("group", group).runnableInformer(0);
    informer.addIndexers(
        Map.of("image", p -> p.getSpec().getContainers().stream().map(c -> c.getImage()).toList()));
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            events.add("add " + pod.getMetadata().getName());
          }

          @Override
          public void onUpdate(Pod oldPod, Pod newPod) {
            events.add("update " + newPod.getMetadata().getName());
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            events.add("delete " + pod.getMetadata().getName());
          }
        });
    try {
      informer.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(informer.hasSynced()).isTrue();
      assertThat(informer.getStore().listKeys()).containsExactly(NS + "/" + first);
      String second = name("inf");

      k8s.pods().inNamespace(NS).resource(pod(second, group)).create();
      k8s.pods()
          .inNamespace(NS)
          .withName(second)
          .patch(
              PatchContext.of(PatchType.STRATEGIC_MERGE),
              "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx\"}]}}");
      k8s.pods().inNamespace(NS).withName(first).withGracePeriod(0).delete();

      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  events.contains("delete " + first)
                      && informer.getIndexer().byIndex("image", "nginx").size() == 1);
      assertThat(informer.getStore().listKeys()).containsExactly(NS + "/" + second);
      assertThat(events).startsWith("add " + first, "add " + second);
    } finally {
      informer.stop();
    }
  }

  private static String name(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  private static Pod pod(String name, String group) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("group", group)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
