package dev.skiff.server.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import dev.skiff.testing.Kubectl;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controllers as kubectl users see them: allocation errors, endpoints, rollouts, scaling. */
class ControllersKubectlE2E {
  @TempDir static Path dir;
  private static TestCluster cluster;
  private static FakeKubelet kubelet;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls());
    Await.result(cluster.replica(0).manager().leading());
    kubelet = new FakeKubelet(cluster.replica(0).vertx(), cluster.client());
    Await.result(kubelet.start("node-a", "node-b"));
    kubectl = Kubectl.in(dir, cluster.kubeconfig(dir.resolve("kubeconfig"), 0));
  }

  @AfterAll
  static void stop() {
    kubelet.stop();
    cluster.close();
  }

  @Test
  void allocationErrorsReadAsKubernetesWritesThem() {
    var outside =
        kubectl.apply(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: outside}
            spec: {clusterIP: 127.11.0.5, selector: {app: x}, ports: [{port: 80}]}
            """);
    assertThat(outside.exitCode()).isNotZero();
    assertThat(outside.stderr())
        .contains(
            "The Service \"outside\" is invalid: spec.clusterIPs: Invalid value: []string{\"127.11.0.5\"}: "
                + "failed to allocate IP 127.11.0.5: the provided IP (127.11.0.5) is not in the valid "
                + "range. The range of valid IPs is 127.10.0.0/16");
    String nodePort =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: %s}
        spec: {type: NodePort, selector: {app: x}, ports: [{port: 80, nodePort: 30080}]}
        """;
    assertThat(kubectl.apply(nodePort.formatted("np-one")).exitCode()).isZero();
    var taken = kubectl.apply(nodePort.formatted("np-two"));
    assertThat(taken.stderr())
        .contains(
            "The Service \"np-two\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: "
                + "provided port is already allocated");
  }

  @Test
  void loadBalancersShowTheirIngressIpOrPendingForAnotherClass() {
    kubectl.apply(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: lb-ours}
        spec: {type: LoadBalancer, selector: {app: x}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: lb-theirs}
        spec:
          type: LoadBalancer
          loadBalancerClass: example.com/other
          selector: {app: x}
          ports: [{port: 80}]
        """);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              String table = kubectl.run("get", "svc", "lb-ours", "lb-theirs").stdout();
              assertThat(table)
                  .containsPattern("lb-ours\\s+LoadBalancer\\s+127\\.10\\.\\S+\\s+127\\.20\\.");
              assertThat(table).containsPattern("lb-theirs\\s+LoadBalancer\\s+\\S+\\s+<pending>");
            });
  }

  @Test
  void endpointsHoldPodsWithAllSelectorLabelsWhateverElseTheyCarry() {
    kubectl.apply(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: front}
        spec: {selector: {app: shop, tier: front}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: both-and-more, labels: {app: shop, tier: front, version: v2}}
        spec: {containers: [{name: c, image: busybox}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: missing-tier, labels: {app: shop}}
        spec: {containers: [{name: c, image: busybox}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: wrong-tier, labels: {app: shop, tier: back}}
        spec: {containers: [{name: c, image: busybox}]}
        """);
    assertThat(
            kubectl
                .run("wait", "--for=condition=Ready", "pod/both-and-more", "--timeout=60s")
                .exitCode())
        .isZero();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String ep =
                  kubectl
                      .run(
                          "get",
                          "endpoints",
                          "front",
                          "-o",
                          "jsonpath={.subsets[*].addresses[*].targetRef.name}")
                      .stdout();
              assertThat(ep).isEqualTo("both-and-more");
              String slices =
                  kubectl
                      .run(
                          "get",
                          "endpointslices",
                          "-l",
                          "kubernetes.io/service-name=front",
                          "-o",
                          "jsonpath={.items[*].endpoints[*].targetRef.name}")
                      .stdout();
              assertThat(slices).isEqualTo("both-and-more");
            });
  }

  @Test
  void rolloutStatusScaleAndExposeWork() {
    var applied =
        kubectl.apply(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: "img:1", ports: [{containerPort: 8080}]}]}
            """);
    assertThat(applied.exitCode()).isZero();
    var status = kubectl.run("rollout", "status", "deployment/web", "--timeout=90s");
    assertThat(status.stdout()).contains("deployment \"web\" successfully rolled out");
    assertThat(kubectl.run("set", "image", "deployment/web", "c=img:2").exitCode()).isZero();
    assertThat(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s").stdout())
        .contains("successfully rolled out");
    assertThat(kubectl.run("scale", "deployment", "web", "--replicas=4").stdout())
        .contains("deployment.apps/web scaled");
    assertThat(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s").exitCode())
        .isZero();
    assertThat(
            kubectl
                .run("wait", "--for=condition=Available", "deployment/web", "--timeout=60s")
                .exitCode())
        .isZero();
    String images =
        kubectl
            .run(
                "get",
                "pods",
                "-l",
                "app=web",
                "-o",
                "jsonpath={.items[*].spec.containers[0].image}")
            .stdout();
    assertThat(images.split(" ")).hasSize(4).containsOnly("img:2");
    var exposed = kubectl.run("expose", "deployment", "web", "--port=80", "--target-port=8080");
    assertThat(exposed.stdout()).contains("service/web exposed");
    assertThat(kubectl.run("get", "svc", "web", "-o", "jsonpath={.spec.clusterIP}").stdout())
        .startsWith("127.10.");
    assertThat(kubectl.run("describe", "deployment", "web").stdout())
        .contains("ScalingReplicaSet")
        .contains("Scaled up replica set web-");
  }

  @Test
  void rolloutUndoGoesBackAndForthBetweenRevisions() {
    var applied =
        kubectl.apply(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: undo}
            spec:
              replicas: 2
              selector: {matchLabels: {app: undo}}
              template:
                metadata: {labels: {app: undo}}
                spec: {containers: [{name: c, image: "img:1"}]}
            """);
    assertThat(applied.exitCode()).isZero();
    assertThat(kubectl.run("rollout", "status", "deployment/undo", "--timeout=90s").exitCode())
        .isZero();
    assertThat(kubectl.run("set", "image", "deployment/undo", "c=img:2").exitCode()).isZero();
    assertThat(kubectl.run("rollout", "status", "deployment/undo", "--timeout=90s").exitCode())
        .isZero();

    assertThat(kubectl.run("rollout", "undo", "deployment/undo").stdout())
        .contains("deployment.apps/undo rolled back");
    assertThat(kubectl.run("rollout", "status", "deployment/undo", "--timeout=90s").exitCode())
        .isZero();
    assertThat(image("undo")).isEqualTo("img:1");
    // as in Kubernetes, the rolled-back-to ReplicaSet becomes revision 3
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(kubectl.run("rollout", "history", "deployment/undo").stdout())
                    .containsPattern("(?m)^2 ")
                    .containsPattern("(?m)^3 ")
                    .doesNotContainPattern("(?m)^1 "));

    // so a second undo returns to img:2 instead of "skipped rollback"
    assertThat(kubectl.run("rollout", "undo", "deployment/undo").stdout())
        .contains("deployment.apps/undo rolled back");
    assertThat(kubectl.run("rollout", "status", "deployment/undo", "--timeout=90s").exitCode())
        .isZero();
    assertThat(image("undo")).isEqualTo("img:2");
    assertThat(kubectl.run("rollout", "undo", "deployment/undo", "--to-revision=3").stdout())
        .contains("rolled back");
    assertThat(kubectl.run("rollout", "status", "deployment/undo", "--timeout=90s").exitCode())
        .isZero();
    assertThat(image("undo")).isEqualTo("img:1");
  }

  private String image(String deployment) {
    return kubectl
        .run(
            "get",
            "deployment",
            deployment,
            "-o",
            "jsonpath={.spec.template.spec.containers[0].image}")
        .stdout()
        .strip();
  }
}
