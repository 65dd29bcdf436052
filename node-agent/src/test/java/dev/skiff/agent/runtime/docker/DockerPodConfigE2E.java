package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration of Docker pods: variables from a ConfigMap and a Secret; and token, ca.crt and
 * namespace at /var/run/secrets/kubernetes.io/serviceaccount (a read-only bind mount of the agent's
 * per-pod directory), and the token it sees authenticates against the API server. The API server of
 * this test listens on the host's loopback, which the pod's network cannot reach, so the request is
 * made from the host with the pod's token.
 */
class DockerPodConfigE2E {
  static final int INDEX = 43;
  private static final String CA = "-----BEGIN CERTIFICATE-----\nE2E\n-----END CERTIFICATE-----\n";
  @TempDir static Path dir;
  static TestApiServer api;
  static TestNode node;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    Docker.requireEngineAndImages();
    api = TestApiServer.start();
    NodeAgentOptions options =
        TestNode.options(api, INDEX, dir)
            .withDockerRuntime()
            .withServiceCidr("10.97." + INDEX + ".0/24")
            .withClusterDns(List.of("10.97." + INDEX + ".10"));
    Docker.removeNode(options.name(), options.docker().network());
    node = TestNode.start(options);
    pods = new PodChecks(api);
    ServiceAccount sa = new ServiceAccount();
    sa.meta().name = "default";
    sa.meta().namespace = "default";
    Await.result(api.client().create(sa));
    ConfigMap ca = new ConfigMap();
    ca.meta().name = "kube-root-ca.crt";
    ca.meta().namespace = "default";
    ca.data = Map.of("ca.crt", CA);
    Await.result(api.client().create(ca));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
      Docker.removeNode(node.name(), node.options().docker().network());
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void thePodSeesItsServiceAccountFilesAtTheKubernetesPath() throws Exception {
    String sa = "/var/run/secrets/kubernetes.io/serviceaccount";
    pods.create(
        Pods.shell(
            "reader",
            node.name(),
            "cat "
                + sa
                + "/namespace; echo; head -c 20 "
                + sa
                + "/ca.crt; echo; cat "
                + sa
                + "/token; echo; touch "
                + sa
                + "/x 2>/dev/null && echo writable || echo read-only; sleep 600"));

    await().atMost(Duration.ofSeconds(30)).until(() -> pods.ready("reader"));
    String[] lines =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> pods.logs("reader", Map.of()).split("\n"), l -> l.length >= 4);
    assertThat(lines[0]).isEqualTo("default");
    assertThat(lines[1]).isEqualTo(CA.substring(0, 20));
    assertThat(lines[3]).isEqualTo("read-only");
    String token = lines[2];
    Pod reader = pods.get("reader");
    Path hostDir =
        node.options()
            .dataDir()
            .resolve("pods")
            .resolve(reader.meta().uid)
            .resolve("serviceaccount");
    assertThat(Files.readString(hostDir.resolve("token"))).isEqualTo(token);

    Vertx vertx = Vertx.vertx();
    try {
      KubeClient asPod = new KubeClient(vertx, api.url(), token);
      // the token authenticates (a refused token is a 401): the API server names the
      // ServiceAccount in its 403, since nothing is bound to it until RBAC
      assertThatThrownBy(() -> Await.result(asPod.list(Pod.class, "default", ListOptions.none())))
          .hasMessageContaining(
              "pods is forbidden: User \"system:serviceaccount:default:default\" cannot list");
    } finally {
      Await.result(vertx.close());
    }
  }

  @Test
  void variablesComeFromConfigMapsAndSecretsOnDockerToo() {
    ConfigMap settings = new ConfigMap();
    settings.meta().name = "settings";
    settings.meta().namespace = "default";
    settings.data = Map.of("greeting", "hello");
    Await.result(api.client().create(settings));
    dev.skiff.api.model.core.Secret secret = new dev.skiff.api.model.core.Secret();
    secret.meta().name = "db";
    secret.meta().namespace = "default";
    secret.stringData = Map.of("password", "s3cret");
    Await.result(api.client().create(secret));
    Pod pod = Pods.shell("env-docker", node.name(), "echo \"$CFG_greeting $PASSWORD\"; sleep 600");
    dev.skiff.api.model.core.EnvFromSource from = new dev.skiff.api.model.core.EnvFromSource();
    from.prefix = "CFG_";
    from.configMapRef = new dev.skiff.api.model.core.EnvFromSource.Ref();
    from.configMapRef.name = "settings";
    dev.skiff.api.model.core.EnvVar password = new dev.skiff.api.model.core.EnvVar();
    password.name = "PASSWORD";
    password.valueFrom = new dev.skiff.api.model.core.EnvVarSource();
    password.valueFrom.secretKeyRef = new dev.skiff.api.model.core.KeySelector();
    password.valueFrom.secretKeyRef.name = "db";
    password.valueFrom.secretKeyRef.key = "password";
    pod.spec().containers.get(0).envFrom = List.of(from);
    pod.spec().containers.get(0).env = List.of(password);
    pods.create(pod);

    await().atMost(Duration.ofSeconds(30)).until(() -> pods.ready("env-docker"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(pods.logs("env-docker", Map.of())).isEqualTo("hello s3cret\n"));
  }
}
