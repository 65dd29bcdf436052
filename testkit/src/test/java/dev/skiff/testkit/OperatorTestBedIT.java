package dev.skiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The testkit as an operator's test bed: a manifest installed before the first test, a fresh
 * namespace per test method, a client with exactly a ServiceAccount's permissions, and waits for a
 * condition on any object.
 */
@SkiffTest(manifests = "classpath:testbed/operator-role.yaml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorTestBedIT {
  private static final AtomicReference<String> FIRST = new AtomicReference<>();

  private static final String OPERATOR =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: operator}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: operator}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: testbed-configmap-writer}
      subjects:
      - {kind: ServiceAccount, name: operator}
      """;

  @Test
  @Order(1)
  void aServiceAccountsClientMayDoWhatItsBindingsGrantAndNoMore(
      SkiffCluster cluster, TestNamespace ns) {
    FIRST.set(ns.name());
    assertThat(ns.name()).startsWith("aserviceaccountsclientmaydowhat");
    assertThat(ns.apply(OPERATOR))
        .containsExactly("serviceaccount/operator", "rolebinding/operator");

    KubeClient operator = cluster.clientAs(ns.name(), "operator");
    ConfigMap cm = new ConfigMap();
    cm.meta().name = "state";
    cm.meta().namespace = ns.name();
    cm.data = Map.of("phase", "reconciled");
    Await.result(operator.create(cm));
    assertThat(Await.result(operator.get(ConfigMap.class, ns.name(), "state")).data)
        .containsEntry("phase", "reconciled");

    assertThatThrownBy(() -> Await.result(operator.list(Pod.class, ns.name(), ListOptions.none())))
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "pods is forbidden: User \"system:serviceaccount:"
                          + ns.name()
                          + ":operator\" cannot list resource \"pods\" in API group \"\" in the"
                          + " namespace \""
                          + ns.name()
                          + "\"");
            });
  }

  @Test
  @Order(2)
  void eachTestGetsAFreshNamespaceAndTheLastOneIsGone(SkiffCluster cluster, TestNamespace ns)
      throws Exception {
    assertThat(ns.name()).isNotEqualTo(FIRST.get());
    // deleted after the first test: terminating, or already gone
    await().atMost(Duration.ofSeconds(30)).until(() -> goneOrTerminating(cluster, FIRST.get()));

    ns.apply(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: sleeper}
        spec:
          containers:
          - {name: main, image: busybox, command: ["sleep", "600"]}
        """);
    var pod =
        cluster.awaitCondition("v1", "Pod", ns.name(), "sleeper", "Ready", Duration.ofSeconds(60));
    assertThat(pod.path("status").path("phase").asText()).isEqualTo("Running");

    // the operator's kubeconfig: for kubectl, fabric8 or the operator under test
    String kubeconfig = Files.readString(cluster.kubeconfigAs(ns.name(), "default"));
    assertThat(kubeconfig).contains("token:").contains(cluster.server());
  }

  private static boolean goneOrTerminating(SkiffCluster cluster, String name) {
    try {
      Namespace ns = Await.result(cluster.client().get(Namespace.class, null, name));
      return ns.meta().deletionTimestamp != null;
    } catch (StatusException e) {
      return e.code() == 404;
    }
  }
}
