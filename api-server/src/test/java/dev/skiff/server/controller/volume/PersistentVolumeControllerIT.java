package dev.skiff.server.controller.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.storage.StorageClass;
import dev.skiff.server.controller.FakeKubelet;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PersistentVolume controller on a real replica: the built-in local-path class, the default
 * class given to claims without one, static binding and phases, protection finalizers, and the
 * scheduler's selected node for a WaitForFirstConsumer claim.
 */
class PersistentVolumeControllerIT {
  private static TestCluster cluster;
  private static KubeClient client;
  private static FakeKubelet kubelet;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1));
    client = cluster.client();
    Await.result(cluster.replica(0).manager().leading());
    kubelet = new FakeKubelet(cluster.replica(0).vertx(), client);
  }

  @AfterAll
  static void stop() {
    if (kubelet != null) {
      kubelet.stop();
    }
    cluster.close();
  }

  private static <T> T parse(String yaml, Class<T> type) {
    return Json.parse(yaml.replace('\'', '"'), type);
  }

  private static PersistentVolumeClaim claim(String name, String storageClass) {
    String cls = storageClass == null ? "" : ",'storageClassName':'" + storageClass + "'";
    return parse(
        "{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'NAME','namespace':'default'},"
                .replace("NAME", name)
            + "'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}"
            + cls
            + "}}",
        PersistentVolumeClaim.class);
  }

  private static PersistentVolumeClaim get(String name) {
    return Await.result(client.get(PersistentVolumeClaim.class, "default", name));
  }

  @Test
  void theLocalPathClassIsTheDefaultAndAClaimWithoutAClassGetsIt() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              StorageClass sc = Await.result(client.get(StorageClass.class, null, "local-path"));
              assertThat(sc.provisioner).isEqualTo("rancher.io/local-path");
              assertThat(sc.volumeBindingMode).isEqualTo("WaitForFirstConsumer");
              assertThat(sc.metadata.annotations)
                  .containsEntry("storageclass.kubernetes.io/is-default-class", "true");
            });

    Await.result(client.create(claim("classless", null)));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              PersistentVolumeClaim pvc = get("classless");
              assertThat(pvc.spec.storageClassName).isEqualTo("local-path");
              assertThat(pvc.status.phase).isEqualTo("Pending");
              assertThat(pvc.metadata.finalizers).contains("kubernetes.io/pvc-protection");
            });
  }

  @Test
  void aClaimBindsToAMatchingVolumeWhichIsReleasedWhenTheClaimGoes() {
    PersistentVolume small =
        parse(
            "{'apiVersion':'v1','kind':'PersistentVolume','metadata':{'name':'small'},'spec':{"
                + "'capacity':{'storage':'500Mi'},'accessModes':['ReadWriteOnce'],"
                + "'storageClassName':'manual','hostPath':{'path':'/tmp/small'}}}",
            PersistentVolume.class);
    PersistentVolume big = Json.copy(small, PersistentVolume.class);
    big.metadata.name = "big";
    big.spec.capacity = java.util.Map.of("storage", "2Gi");
    Await.result(client.create(small));
    Await.result(client.create(big));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "Available"
                    .equals(
                        Await.result(client.get(PersistentVolume.class, null, "big"))
                            .status()
                            .phase));

    Await.result(client.create(claim("manual", "manual")));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              PersistentVolumeClaim pvc = get("manual");
              assertThat(pvc.spec.volumeName).isEqualTo("big");
              assertThat(pvc.status.phase).isEqualTo("Bound");
              assertThat(pvc.status.capacity).containsEntry("storage", "2Gi");
              PersistentVolume pv = Await.result(client.get(PersistentVolume.class, null, "big"));
              assertThat(pv.status.phase).isEqualTo("Bound");
              assertThat(pv.spec.claimRef.uid).isEqualTo(pvc.metadata.uid);
            });

    Await.result(
        client.delete(PersistentVolumeClaim.class, "default", "manual", DeleteOptions.none()));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        Await.result(client.get(PersistentVolume.class, null, "big"))
                            .status()
                            .phase)
                    .isEqualTo("Released"));
  }

  @Test
  void aClaimInUseStaysUntilItsPodIsGoneAndTheSchedulerSelectsItsNode() {
    Await.result(kubelet.start("storage-node"));
    Await.result(client.create(claim("in-use", "local-path")));
    Pod pod =
        parse(
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'user','namespace':'default'},"
                + "'spec':{'containers':[{'name':'c','image':'busybox'}],"
                + "'volumes':[{'name':'d','persistentVolumeClaim':{'claimName':'in-use'}}]}}",
            Pod.class);
    Await.result(client.create(pod));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              PersistentVolumeClaim pvc = get("in-use");
              assertThat(pvc.metadata.annotations)
                  .containsEntry("volume.kubernetes.io/selected-node", "storage-node")
                  .containsEntry(
                      "volume.kubernetes.io/storage-provisioner", "rancher.io/local-path");
              assertThat(Await.result(client.get(Pod.class, "default", "user")).spec.nodeName)
                  .isEqualTo("storage-node");
            });

    Await.result(
        client.delete(PersistentVolumeClaim.class, "default", "in-use", DeleteOptions.none()));
    assertThat(get("in-use").metadata.deletionTimestamp).isNotNull();
    Await.result(
        client.delete(
            Pod.class, "default", "user", DeleteOptions.none().withGracePeriodSeconds(0)));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        Await.result(
                            client
                                .get(PersistentVolumeClaim.class, "default", "in-use")
                                .map(x -> false)
                                .recover(
                                    e ->
                                        io.vertx.core.Future.succeededFuture(
                                            Errors.isNotFound(e)))))
                    .isTrue());
  }
}
