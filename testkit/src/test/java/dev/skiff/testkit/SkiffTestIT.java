package dev.skiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.model.core.Node;
import dev.skiff.testing.Await;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The extension as a user's test would use it: a two-node cluster, a Deployment, its Service. */
@SkiffTest(nodes = 2)
class SkiffTestIT {
  private static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: hello}
      spec:
        replicas: 2
        selector: {matchLabels: {app: hello}}
        template:
          metadata: {labels: {app: hello}}
          spec:
            containers:
            - name: web
              image: busybox
              command: ["sh", "-c"]
              args:
              - mkdir -p $(DIR) && echo "hello from $(POD_NAME)" > $(DIR)/index.html &&
                exec busybox httpd -f -p $(POD_IP):8080 -h $(DIR)
              env:
              - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
              - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
              - {name: DIR, value: /tmp/skiff-testkit-it/$(POD_NAME)}
              readinessProbe:
                httpGet: {path: /, port: 8080}
                periodSeconds: 1
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: hello}
      spec:
        selector: {app: hello}
        ports:
        - {port: 80, targetPort: 8080}
      """;

  @Test
  void aDeploymentIsReachedThroughItsServiceAndEveryReplicaAnswers(SkiffCluster cluster)
      throws Exception {
    assertThat(cluster.apply(WEB)).containsExactly("deployment/hello", "service/hello");
    cluster.awaitReadyEndpoints("default", "hello", 2, Duration.ofSeconds(60));
    InetSocketAddress address = cluster.serviceAddress("default", "hello", 80);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Set<String> answers = new HashSet<>();
    for (int i = 0; i < 20 && answers.size() < 2; i++) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://" + address.getHostString() + ":" + address.getPort() + "/"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      answers.add(response.body().strip());
    }
    assertThat(answers).hasSize(2).allMatch(a -> a.startsWith("hello from hello-"));
    // applying the same manifest again changes nothing and fails nothing
    assertThat(cluster.apply(WEB)).hasSize(2);
  }

  @Test
  void theClusterHasTheAskedNodesAndAKubeconfigForOtherClients(SkiffCluster cluster)
      throws Exception {
    List<Node> nodes =
        Await.result(
                cluster.client().list(Node.class, null, dev.skiff.api.client.ListOptions.none()),
                Duration.ofSeconds(10))
            .items;
    assertThat(nodes).hasSize(2);
    assertThat(java.nio.file.Files.readString(cluster.kubeconfig())).contains(cluster.server());
    assertThat(cluster.dnsServer()).isNotBlank();
  }

  @Test
  void aKindSkiffDoesNotServeIsRefusedClearly(SkiffCluster cluster) {
    assertThatThrownBy(
            () ->
                cluster.apply(
                    "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\n"))
        .hasMessageContaining("policy/v1 PodDisruptionBudget");
  }

  /**
   * Like every Kubernetes cluster, the API server is the Service default/kubernetes: through its
   * ClusterIP on 443, with a certificate valid for that address.
   */
  @Test
  void theApiServerAnswersThroughTheKubernetesServiceWithACertificateForItsClusterIp(
      SkiffCluster cluster) throws Exception {
    cluster.awaitReadyEndpoints("default", "kubernetes", 1, Duration.ofSeconds(30));
    InetSocketAddress address = cluster.serviceAddress("default", "kubernetes", 443);
    com.fasterxml.jackson.databind.JsonNode kubeconfig =
        dev.skiff.api.Json.yamlMapper()
            .readTree(java.nio.file.Files.readString(cluster.kubeconfig()));
    byte[] ca =
        java.util.Base64.getDecoder()
            .decode(
                kubeconfig
                    .path("clusters")
                    .get(0)
                    .path("cluster")
                    .path("certificate-authority-data")
                    .asText());
    String token = kubeconfig.path("users").get(0).path("user").path("token").asText();
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "skiff",
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(ca)));
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpClient https =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> version =
        https.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "https://" + address.getHostString() + ":443/api/v1/namespaces/default"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(version.statusCode()).isEqualTo(200);
    assertThat(version.body()).contains("\"name\":\"default\"");
  }
}
