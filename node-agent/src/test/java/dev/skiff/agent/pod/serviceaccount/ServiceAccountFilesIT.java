package dev.skiff.agent.pod.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ServiceAccount files of pods on the process runtime: a pod-bound token the API server
 * accepts, the root CA and the namespace, found through the variables fabric8 reads.
 */
class ServiceAccountFilesIT {
  private static final String CA = "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n";

  @RegisterExtension static final AgentFixture cluster = new AgentFixture(16);

  @BeforeAll
  static void serviceAccountAndRootCa() {
    ServiceAccount sa = new ServiceAccount();
    sa.meta().name = "default";
    sa.meta().namespace = "default";
    Await.result(cluster.api().client().create(sa));
    ConfigMap ca = new ConfigMap();
    ca.meta().name = "kube-root-ca.crt";
    ca.meta().namespace = "default";
    ca.data = Map.of("ca.crt", CA);
    Await.result(cluster.api().client().create(ca));
  }

  @Test
  void aPodGetsABoundTokenTheApiServerAcceptsWithTheCaAndNamespace() throws Exception {
    Pod pod =
        Pods.shell(
            "in-cluster",
            cluster.node().name(),
            "echo \"$SKIFF_SERVICEACCOUNT_DIR|$KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN"
                + "|$KUBERNETES_CERTS_CA_FILE|$(cat $KUBENAMESPACE)\"; sleep 600");
    cluster.pods().create(pod);
    await().atMost(Duration.ofSeconds(15)).until(() -> cluster.pods().ready("in-cluster"));
    String[] seen =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> cluster.pods().logs("in-cluster", Map.of()).trim(), s -> !s.isEmpty())
            .split("\\|");
    Path dir = Path.of(seen[0]);
    assertThat(seen[1]).isEqualTo(dir.resolve("token").toString());
    assertThat(seen[2]).isEqualTo(dir.resolve("ca.crt").toString());
    assertThat(seen[3]).isEqualTo("default");
    assertThat(Files.readString(dir.resolve("ca.crt"))).isEqualTo(CA);

    String token = Files.readString(dir.resolve("token"));
    ObjectNode claims = Json.tree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    Pod running = cluster.pods().get("in-cluster");
    assertThat(claims.path("sub").asText()).isEqualTo("system:serviceaccount:default:default");
    assertThat(claims.path("kubernetes.io").path("pod").path("uid").asText())
        .isEqualTo(running.meta().uid);
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3607);
    Vertx vertx = Vertx.vertx();
    try {
      KubeClient asPod = new KubeClient(vertx, cluster.api().url(), token);
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
  void automountServiceAccountTokenFalseGivesNoFiles() {
    Pod pod =
        Pods.shell(
            "no-token",
            cluster.node().name(),
            "echo \"dir=${SKIFF_SERVICEACCOUNT_DIR:-none}\"; sleep 600");
    pod.spec().automountServiceAccountToken = false;
    cluster.pods().create(pod);

    await().atMost(Duration.ofSeconds(15)).until(() -> cluster.pods().ready("no-token"));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(cluster.pods().logs("no-token", Map.of())).isEqualTo("dir=none\n"));
  }
}
