package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigMergeTest {
  private static final String CLUSTER =
      "apiVersion: v1\nkind: Config\nclusters:\n- name: skiff-dev\n  cluster:\n    server: https://127.0.0.1:40000\n"
          + "    certificate-authority-data: Q0E=\nusers:\n- name: skiff-dev\n  user:\n    token: t0k3n\n"
          + "contexts:\n- name: skiff-dev\n  context:\n    cluster: skiff-dev\n    user: skiff-dev\n    namespace: default\n"
          + "current-context: skiff-dev\n";
  private static final String EXISTING =
      "apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://prod.example:6443\n"
          + "- name: skiff-dev\n  cluster:\n    server: https://127.0.0.1:1\nusers:\n- name: prod\n  user:\n    token: keep\n"
          + "contexts:\n- name: prod\n  context:\n    cluster: prod\n    user: prod\ncurrent-context: prod\n";

  @TempDir Path dir;

  @Test
  void addsTheClusterAsSkiffNameKeepsOtherEntriesAndReplacesAnOldOne() throws Exception {
    Path cluster = Files.writeString(dir.resolve("cluster"), CLUSTER);
    Path target = Files.writeString(dir.resolve("config"), EXISTING);
    KubeconfigMerge.merge(cluster, target, "skiff-dev");
    JsonNode merged = Json.yamlMapper().readTree(target.toFile());
    assertThat(merged.get("current-context").asText()).isEqualTo("skiff-dev");
    assertThat(merged.get("clusters").findValuesAsText("name"))
        .containsExactly("prod", "skiff-dev");
    assertThat(merged.get("clusters").get(1).get("cluster").get("server").asText())
        .isEqualTo("https://127.0.0.1:40000");
    assertThat(merged.get("users").get(0).get("user").get("token").asText()).isEqualTo("keep");
    assertThat(merged.get("users").get(1).get("user").get("token").asText()).isEqualTo("t0k3n");
    JsonNode context = merged.get("contexts").get(1);
    assertThat(context.get("name").asText()).isEqualTo("skiff-dev");
    assertThat(context.get("context").get("cluster").asText()).isEqualTo("skiff-dev");
    assertThat(context.get("context").get("namespace").asText()).isEqualTo("default");
  }

  @Test
  void createsTheTargetWhenThereIsNone() throws Exception {
    Path cluster = Files.writeString(dir.resolve("cluster"), CLUSTER);
    Path target = dir.resolve(".kube").resolve("config");
    KubeconfigMerge.merge(cluster, target, "skiff-skiff");
    JsonNode merged = Json.yamlMapper().readTree(target.toFile());
    assertThat(merged.get("kind").asText()).isEqualTo("Config");
    assertThat(merged.get("current-context").asText()).isEqualTo("skiff-skiff");
    assertThat(merged.get("users").get(0).get("name").asText()).isEqualTo("skiff-skiff");
  }

  @Test
  void twoClustersMergedIntoOneFileKeepTheirOwnEntries() throws Exception {
    Path first = Files.writeString(dir.resolve("first"), CLUSTER);
    Path second =
        Files.writeString(
            dir.resolve("second"),
            CLUSTER.replace("skiff-dev", "skiff-b").replace("40000", "40001"));
    Path target = dir.resolve("config");
    KubeconfigMerge.merge(first, target, "skiff-dev");
    KubeconfigMerge.merge(second, target, "skiff-b");
    JsonNode merged = Json.yamlMapper().readTree(target.toFile());
    assertThat(merged.get("contexts").findValuesAsText("name"))
        .containsExactly("skiff-dev", "skiff-b");
    assertThat(merged.get("clusters").get(0).get("cluster").get("server").asText())
        .endsWith(":40000");
    assertThat(merged.get("clusters").get(1).get("cluster").get("server").asText())
        .endsWith(":40001");
    assertThat(merged.get("current-context").asText()).isEqualTo("skiff-b");
  }
}
