package dev.skiff.server.controller.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.LocalObjectReference;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default ServiceAccount, kube-root-ca.crt and ServiceAccount admission on a real replica. */
class ServiceAccountsIT {
  private static TestCluster cluster;
  private static KubeClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls());
    client = cluster.client();
    Await.result(cluster.replica(0).manager().leading());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void everyNamespaceGetsADefaultServiceAccountAndTheRootCa() {
    namespace("sa-every");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(Await.result(client.get(ServiceAccount.class, "sa-every", "default")))
                  .isNotNull();
              ConfigMap ca =
                  Await.result(client.get(ConfigMap.class, "sa-every", "kube-root-ca.crt"));
              assertThat(ca.data)
                  .containsEntry(
                      "ca.crt",
                      cluster.replica(0).server().options().certificate().certificatePem());
            });
  }

  @Test
  void aDeletedDefaultServiceAccountIsCreatedAgain() {
    namespace("sa-deleted");
    ServiceAccount first = awaitDefault("sa-deleted");

    Await.result(
        client.delete(ServiceAccount.class, "sa-deleted", "default", DeleteOptions.none()));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !awaitDefault("sa-deleted").meta().uid.equals(first.meta().uid));
  }

  @Test
  void aPodCreatedRightAfterItsNamespaceIsAdmitted() {
    namespace("sa-race");

    Pod created = Await.result(client.create(pod("sa-race", "p", null)));

    assertThat(created.spec().serviceAccountName).isEqualTo("default");
    assertThat(created.spec().serviceAccount).isEqualTo("default");
  }

  @Test
  void aPodWhoseServiceAccountDoesNotExistIsForbidden() {
    namespace("sa-missing");
    awaitDefault("sa-missing");

    assertThatThrownBy(() -> Await.result(client.create(pod("sa-missing", "p", "robot"))))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(403))
        .hasMessage(
            "pods \"p\" is forbidden: error looking up service account sa-missing/robot:"
                + " serviceaccount \"robot\" not found");
  }

  @Test
  void aPodWithoutPullSecretsGetsItsServiceAccountsAndOneWithItsOwnKeepsThem() {
    namespace("sa-pull");
    awaitDefault("sa-pull");
    ServiceAccount robot = new ServiceAccount();
    robot.meta().name = "robot";
    robot.meta().namespace = "sa-pull";
    robot.imagePullSecrets = List.of(ref("regcred"), ref("mirror"));
    Await.result(client.create(robot));

    Pod copied = Await.result(client.create(pod("sa-pull", "copied", "robot")));
    Pod own = pod("sa-pull", "own", "robot");
    own.spec().imagePullSecrets = List.of(ref("mine"));
    Pod kept = Await.result(client.create(own));

    assertThat(copied.spec().imagePullSecrets)
        .extracting(r -> r.name)
        .containsExactly("regcred", "mirror");
    assertThat(kept.spec().imagePullSecrets).extracting(r -> r.name).containsExactly("mine");
  }

  private static LocalObjectReference ref(String name) {
    LocalObjectReference ref = new LocalObjectReference();
    ref.name = name;
    return ref;
  }

  private static ServiceAccount awaitDefault(String ns) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> Await.result(client.get(ServiceAccount.class, ns, "default")), sa -> sa != null);
  }

  private static void namespace(String name) {
    Namespace ns = new Namespace();
    ns.meta().name = name;
    Await.result(client.create(ns));
  }

  private static Pod pod(String ns, String name, String serviceAccount) {
    Pod pod = new Pod();
    pod.meta().name = name;
    pod.meta().namespace = ns;
    pod.spec().serviceAccountName = serviceAccount;
    Container c = new Container();
    c.name = "c";
    c.image = "skiff/busybox:1";
    pod.spec().containers = List.of(c);
    return pod;
  }
}
