package dev.skiff.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** printPersistentVolumeClaim, printPersistentVolume and printStorageClass. */
class StorageTablesTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:10:00Z");

  static JsonNode json(String text) {
    return Json.tree(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPendingClaimShowsNoVolumeAndABoundOneItsVolumesSizeAndModes() {
    JsonNode pending =
        json(
            "{'metadata':{'name':'data','creationTimestamp':'2026-12-07T12:00:00Z'},"
                + "'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}},"
                + "'storageClassName':'local-path','volumeMode':'Filesystem'},"
                + "'status':{'phase':'Pending'}}");
    assertThat(StorageTables.claims().cells(pending, NOW))
        .containsExactly(
            "data", "Pending", "", "", "", "local-path", "<unset>", "10m", "Filesystem");

    JsonNode bound =
        json(
            "{'metadata':{'name':'data','creationTimestamp':'2026-12-07T12:00:00Z'},"
                + "'spec':{'accessModes':['ReadWriteOnce'],'volumeName':'pvc-1',"
                + "'storageClassName':'local-path'},"
                + "'status':{'phase':'Bound','accessModes':['ReadWriteMany','ReadWriteOnce'],"
                + "'capacity':{'storage':'2Gi'}}}");
    assertThat(StorageTables.claims().cells(bound, NOW).subList(0, 6))
        .containsExactly("data", "Bound", "pvc-1", "2Gi", "RWO,RWX", "local-path");
  }

  @Test
  void aVolumeShowsItsClaimAndPolicyAndTheDefaultClassIsMarked() {
    JsonNode pv =
        json(
            "{'metadata':{'name':'pvc-1','creationTimestamp':'2026-12-07T12:00:00Z',"
                + "'deletionTimestamp':'2026-12-07T12:09:00Z'},"
                + "'spec':{'capacity':{'storage':'1Gi'},'accessModes':['ReadWriteOnce'],"
                + "'persistentVolumeReclaimPolicy':'Delete','storageClassName':'local-path',"
                + "'claimRef':{'namespace':'default','name':'data'}},'status':{'phase':'Bound'}}");
    assertThat(StorageTables.volumes().cells(pv, NOW))
        .containsExactly(
            "pvc-1",
            "1Gi",
            "RWO",
            "Delete",
            "Terminating",
            "default/data",
            "local-path",
            "<unset>",
            "",
            "10m",
            "<unset>");

    JsonNode sc =
        json(
            "{'metadata':{'name':'local-path','creationTimestamp':'2026-12-07T12:00:00Z',"
                + "'annotations':{'storageclass.kubernetes.io/is-default-class':'true'}},"
                + "'provisioner':'rancher.io/local-path','reclaimPolicy':'Delete',"
                + "'volumeBindingMode':'WaitForFirstConsumer'}");
    assertThat(StorageTables.classes().cells(sc, NOW))
        .containsExactly(
            "local-path (default)",
            "rancher.io/local-path",
            "Delete",
            "WaitForFirstConsumer",
            false,
            "10m");
  }
}
