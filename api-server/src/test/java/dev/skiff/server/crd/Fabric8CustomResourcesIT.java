package dev.skiff.server.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.client.Fabric8Clients;
import dev.skiff.server.testing.TestApiServers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A third-party client (fabric8) registers a CustomResourceDefinition, waits for it to be
 * established, and lists, pages and watches its custom resources as generic resources.
 */
class Fabric8CustomResourcesIT {
  private static final String NS = "default";
  private static TestApiServers servers;
  private static KubernetesClient k8s;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1, o -> o.withCertificate(null));
    k8s = Fabric8Clients.of(servers, 0, NS);
    CustomResourceDefinition crd =
        k8s.apiextensions()
            .v1()
            .customResourceDefinitions()
            .load(
                new ByteArrayInputStream(
                    KubectlCustomResourcesIT.CRD.getBytes(StandardCharsets.UTF_8)))
            .item();
    k8s.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    k8s.apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("crontabs.stable.example.com")
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            x -> x.getType().equals("Established") && x.getStatus().equals("True")),
            10,
            TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    k8s.close();
    servers.close();
  }

  private static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      crontabs() {
    return k8s.genericKubernetesResources("stable.example.com/v1", "CronTab");
  }

  @Test
  void watchesCustomResources() {
    List<String> events = new CopyOnWriteArrayList<>();
    Watch watch =
        crontabs()
            .inNamespace(NS)
            .withLabel("watched", "yes")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource resource) {
                    events.add(action + " " + resource.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      crontabs().inNamespace(NS).resource(cronTab("w1", "yes")).create();
      crontabs().inNamespace(NS).resource(cronTab("w2", "no")).create();
      crontabs()
          .inNamespace(NS)
          .withName("w1")
          .edit(
              c -> {
                c.setAdditionalProperty("spec", Map.of("cronSpec", "5 * * * *"));
                return c;
              });
      crontabs().inNamespace(NS).withName("w1").delete();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(events).containsExactly("ADDED w1", "MODIFIED w1", "DELETED w1"));
    } finally {
      watch.close();
    }
  }

  @Test
  void listsWithSelectorsAndPages() {
    for (int i = 0; i < 3; i++) {
      crontabs().inNamespace(NS).resource(cronTab("page-" + i, "paged")).create();
    }

    GenericKubernetesResourceList selected =
        crontabs().inNamespace(NS).withLabel("watched", "paged").list();
    GenericKubernetesResourceList first =
        crontabs()
            .inNamespace(NS)
            .withLabel("watched", "paged")
            .list(new ListOptionsBuilder().withLimit(2L).build());
    GenericKubernetesResourceList rest =
        crontabs()
            .inNamespace(NS)
            .withLabel("watched", "paged")
            .list(
                new ListOptionsBuilder()
                    .withLimit(2L)
                    .withContinue(first.getMetadata().getContinue())
                    .build());
    GenericKubernetesResourceList byName =
        crontabs().inNamespace(NS).withField("metadata.name", "page-1").list();

    assertThat(selected.getItems()).hasSize(3);
    assertThat(first.getItems()).hasSize(2);
    assertThat(first.getMetadata().getContinue()).isNotBlank();
    assertThat(rest.getItems()).hasSize(1);
    assertThat(byName.getItems())
        .extracting(r -> r.getMetadata().getName())
        .containsExactly("page-1");
    assertThat(crontabs().inAnyNamespace().withLabel("watched", "paged").list().getItems())
        .hasSize(3);
    assertThat(selected.getItems().get(0).getApiVersion()).isEqualTo("stable.example.com/v1");
  }

  private static GenericKubernetesResource cronTab(String name, String label) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("stable.example.com/v1")
        .withKind("CronTab")
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .addToLabels("watched", label)
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("cronSpec", "* * * * *"))
        .build();
  }
}
