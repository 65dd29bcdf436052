package dev.skiff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testcontainers.SkiffContainer;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link SkiffContainer} as a user's test uses it (one container for the class, started by the
 * JUnit 5 extension) from the image the build made with Jib: fabric8 (the project's version) runs a
 * Deployment behind a Service in it, kubectl on the host works with its kubeconfig, which verifies
 * the API server's certificate, and the image's health check reports the container healthy. Needs a
 * Docker engine and the image (CI: {@code deploy/images/build.sh}, then the build's profile {@code
 * image}); fails without them.
 */
@Testcontainers
class SkiffContainerIT {
  @Container static final SkiffContainer SKIFF = new SkiffContainer();

  @TempDir static Path dir;
  static Path kubeconfig;
  static KubernetesClient client;

  @BeforeAll
  static void client() throws Exception {
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, SKIFF.getKubeConfigYaml());
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(SKIFF.getKubeConfigYaml()))
            .build();
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void theKubeconfigNamesThePublishedPortAndTrustsOnlyTheClustersCertificate() {
    Config config = client.getConfiguration();
    assertThat(config.getMasterUrl())
        .startsWith("https://" + SKIFF.getHost() + ":" + SKIFF.getMappedPort(6443));
    assertThat(config.isTrustCerts()).isFalse();
    assertThat(config.getCaCertData()).isNotBlank();
    assertThat(SKIFF.getKubeConfigYaml()).doesNotContain("insecure-skip-tls-verify");
  }

  @Test
  void aDeploymentsPodsBecomeReadyFillTheServicesEndpointsAndLog() {
    String ns = "fabric8";
    client
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .endMetadata()
                .build())
        .create();
    Map<String, String> labels = Map.of("app", "web");
    // The process runtime runs the command in the container's node, on the pod's own address.
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("busybox")
                .withCommand("sh", "-c")
                .withArgs(
                    "mkdir -p /tmp/www/$(POD_NAME) && echo \"hello from $(POD_NAME)\" |"
                        + " tee /tmp/www/$(POD_NAME)/index.html && exec busybox httpd -f -p"
                        + " $(POD_IP):8080 -h /tmp/www/$(POD_NAME)")
                .withEnv(
                    new EnvVarBuilder()
                        .withName("POD_NAME")
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withFieldPath("metadata.name")
                        .endFieldRef()
                        .endValueFrom()
                        .build(),
                    new EnvVarBuilder()
                        .withName("POD_IP")
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withFieldPath("status.podIP")
                        .endFieldRef()
                        .endValueFrom()
                        .build())
                .withPorts(
                    new ContainerPortBuilder().withName("http").withContainerPort(8080).build())
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/")
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(1)
                .endReadinessProbe()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    client
        .services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withSelector(labels)
                .addNewPort()
                .withPort(80)
                .withTargetPort(new IntOrString("http"))
                .endPort()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(client.pods().inNamespace(ns).withLabels(labels).list().getItems())
                    .hasSize(2)
                    .allMatch(Readiness::isPodReady));
    List<Pod> pods = client.pods().inNamespace(ns).withLabels(labels).list().getItems();
    List<String> podIps = pods.stream().map(p -> p.getStatus().getPodIP()).toList();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Endpoints endpoints = client.endpoints().inNamespace(ns).withName("web").get();
              assertThat(endpoints.getSubsets()).hasSize(1);
              assertThat(endpoints.getSubsets().get(0).getAddresses())
                  .extracting(EndpointAddress::getIp)
                  .containsExactlyInAnyOrderElementsOf(podIps);
              assertThat(endpoints.getSubsets().get(0).getPorts().get(0).getPort()).isEqualTo(8080);
            });
    for (Pod pod : pods) {
      String name = pod.getMetadata().getName();
      assertThat(client.pods().inNamespace(ns).withName(name).getLog())
          .isEqualTo("hello from " + name + "\n");
    }
  }

  @Test
  void kubectlOnTheHostWorksWithTheKubeconfig() {
    Kubectl kubectl = Kubectl.in(dir.resolve("kubectl"), kubeconfig);
    ProcessResult nodes = kubectl.run("get", "nodes", "--no-headers");
    assertThat(nodes.exitCode()).as(nodes.all()).isZero();
    assertThat(nodes.stdout()).startsWith("node-1").contains(" Ready ");
    ProcessResult run =
        kubectl.run(
            "run",
            "once",
            "--image",
            "busybox",
            "--restart",
            "Never",
            "--command",
            "--",
            "sh",
            "-c",
            "echo from kubectl; cat /var/run/secrets/kubernetes.io/serviceaccount/namespace; echo");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult done =
        kubectl.run(
            "wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/once", "--timeout=60s");
    assertThat(done.exitCode()).as(done.all()).isZero();
    // the pod's service account volume is mounted where Kubernetes mounts it (a mount namespace:
    // the capability SYS_ADMIN the container has)
    assertThat(kubectl.run("logs", "once").stdout()).isEqualTo("from kubectl\ndefault\n");
  }

  @Test
  void theCertificateIsVerifiedANameItDoesNotCarryIsRefused() throws Exception {
    // The container's own address on its network is not among the certificate's names (the host,
    // 127.0.0.1, localhost, the kubernetes Service's names): kubectl refuses it.
    String ip =
        SKIFF
            .getContainerInfo()
            .getNetworkSettings()
            .getNetworks()
            .values()
            .iterator()
            .next()
            .getIpAddress();
    Path other = dir.resolve("kubeconfig-by-ip");
    Files.writeString(
        other,
        SKIFF.getKubeConfigYaml().replaceAll("server: \\S+", "server: https://" + ip + ":6443"));
    ProcessResult refused = Kubectl.in(dir.resolve("kubectl-ip"), other).run("get", "nodes");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr()).contains("x509").contains("not " + ip);
  }

  @Test
  void theImagesHealthCheckReportsTheContainerHealthy() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        SKIFF
                            .getDockerClient()
                            .inspectContainerCmd(SKIFF.getContainerId())
                            .exec()
                            .getState()
                            .getHealth()
                            .getStatus())
                    .isEqualTo("healthy"));
  }
}
