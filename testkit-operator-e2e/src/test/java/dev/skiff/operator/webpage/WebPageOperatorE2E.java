package dev.skiff.operator.webpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import dev.skiff.testkit.SkiffCluster;
import dev.skiff.testkit.SkiffTest;
import dev.skiff.testkit.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real operator built with java-operator-sdk 5 (fabric8 7, its JDK HTTP client) runs in the test
 * JVM against a testkit cluster, as the ServiceAccount its RBAC manifests bind: it registers its
 * CRD, reconciles a WebPage into a ConfigMap, a Deployment and a Service, reports Ready in the
 * WebPage's status, and the page answers through the Service's ClusterIP. The same operator with a
 * role that forgot Services reports the API server's 403 in the status.
 */
@SkiffTest(manifests = "classpath:webpage-operator-roles.yaml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageOperatorE2E {
  private static final String SA = "webpage-operator";
  private static final String PAGE =
      """
      apiVersion: demo.skiff.dev/v1
      kind: WebPage
      metadata: {name: hello}
      spec:
        replicas: 2
        html: <h1>Hello from a WebPage</h1>
      """;

  @Test
  @Order(1)
  void registersItsCrdReconcilesAWebPageAndThePageAnswersThroughItsService(
      SkiffCluster cluster, TestNamespace ns) throws Exception {
    bind(cluster, ns, "webpage-operator");
    try (KubernetesClient client = clientAs(cluster, ns)) {
      assertThat(
              client
                  .apiextensions()
                  .v1()
                  .customResourceDefinitions()
                  .withName(WebPageOperator.CRD)
                  .get())
          .as("the operator registers its CRD itself")
          .isNull();
      try (WebPageOperator operator = WebPageOperator.start(client, ns.name())) {
        cluster.awaitCondition(
            "apiextensions.k8s.io/v1",
            "CustomResourceDefinition",
            null,
            WebPageOperator.CRD,
            "Established",
            Duration.ofSeconds(10));
        assertThat(ns.apply(PAGE)).containsExactly("webpage/hello");

        ObjectNode page =
            cluster.awaitCondition(
                "demo.skiff.dev/v1",
                "WebPage",
                ns.name(),
                "hello",
                "Ready",
                Duration.ofSeconds(90));
        JsonNode status = page.path("status");
        assertThat(status.path("observedGeneration").asLong())
            .isEqualTo(page.path("metadata").path("generation").asLong());
        assertThat(status.path("configMap").asText()).isEqualTo("hello");
        assertThat(status.path("deployment").asText()).isEqualTo("hello");
        assertThat(status.path("service").asText()).isEqualTo("hello");
        assertThat(status.path("conditions").get(0).path("message").asText())
            .isEqualTo("the page is served by 2 replica(s)");

        String uid = page.path("metadata").path("uid").asText();
        assertOwnedBy(uid, client.configMaps().inNamespace(ns.name()).withName("hello").get());
        assertOwnedBy(
            uid, client.apps().deployments().inNamespace(ns.name()).withName("hello").get());
        assertOwnedBy(uid, client.services().inNamespace(ns.name()).withName("hello").get());
        ConfigMap cm = client.configMaps().inNamespace(ns.name()).withName("hello").get();
        assertThat(cm.getData()).containsEntry("index.html", "<h1>Hello from a WebPage</h1>");
        Deployment deployment =
            client.apps().deployments().inNamespace(ns.name()).withName("hello").get();
        assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);

        cluster.awaitReadyEndpoints(ns.name(), "hello", 2, Duration.ofSeconds(60));
        InetSocketAddress address = cluster.serviceAddress(ns.name(), "hello", 80);
        Service service = client.services().inNamespace(ns.name()).withName("hello").get();
        assertThat(address.getHostString()).isEqualTo(service.getSpec().getClusterIP());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 4; i++) {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://"
                                  + address.getHostString()
                                  + ":"
                                  + address.getPort()
                                  + "/index.html"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.body()).isEqualTo("<h1>Hello from a WebPage</h1>");
        }
      }
    }
  }

  @Test
  @Order(2)
  void anOperatorWhoseRoleForgotServicesGetsA403AndReportsIt(SkiffCluster cluster, TestNamespace ns)
      throws Exception {
    bind(cluster, ns, "webpage-operator-without-services");
    try (KubernetesClient client = clientAs(cluster, ns);
        WebPageOperator operator = WebPageOperator.start(client, ns.name())) {
      ns.apply(PAGE);
      ObjectNode page =
          cluster.awaitObject(
              "demo.skiff.dev/v1",
              "WebPage",
              ns.name(),
              "hello",
              o -> "Forbidden".equals(o.at("/status/conditions/0/reason").asText()),
              "Ready=False, reason Forbidden",
              Duration.ofSeconds(60));
      JsonNode ready = page.at("/status/conditions/0");
      assertThat(ready.path("type").asText()).isEqualTo("Ready");
      assertThat(ready.path("status").asText()).isEqualTo("False");
      assertThat(ready.path("message").asText())
          .isEqualTo(
              "services \"hello\" is forbidden: User \"system:serviceaccount:"
                  + ns.name()
                  + ":"
                  + SA
                  + "\" cannot patch resource \"services\" in API group \"\" in the namespace \""
                  + ns.name()
                  + "\"");
      // what its role allows was made before the refusal; the Service was not
      assertThat(client.configMaps().inNamespace(ns.name()).withName("hello").get()).isNotNull();
      assertThat(client.apps().deployments().inNamespace(ns.name()).withName("hello").get())
          .isNotNull();
      assertThatThrownBy(
              () ->
                  Await.result(
                      cluster
                          .client()
                          .get(dev.skiff.api.model.core.Service.class, ns.name(), "hello")))
          .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
  }

  /** The operator's ServiceAccount, bound to {@code role} in the namespace and to the CRD role. */
  private static void bind(SkiffCluster cluster, TestNamespace ns, String role) {
    ns.apply(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: %1$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %2$s}
        subjects:
        - {kind: ServiceAccount, name: %1$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %1$s-crd-%3$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: webpage-operator-crd}
        subjects:
        - {kind: ServiceAccount, name: %1$s, namespace: %3$s}
        """
            .formatted(SA, role, ns.name()));
  }

  private static KubernetesClient clientAs(SkiffCluster cluster, TestNamespace ns)
      throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(cluster.kubeconfigAs(ns.name(), SA)));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static void assertOwnedBy(String uid, HasMetadata object) {
    assertThat(object.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("WebPage");
              assertThat(o.getUid()).isEqualTo(uid);
            });
  }
}
