package dev.skiff.cli.describe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: objects read from a Skiff cluster, and what kubectl 1.32's describe printed for
 * them at {@link #NOW} (UTC), captured at the same moment.
 */
class DescribersTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:34:31Z");

  @Test
  void podWithEventsPrintsAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.PODS, input(json("pod.json"), items("pod-events.json"), List.of()));

    assertThat(text).isEqualTo(text("pod.describe"));
  }

  @Test
  void serviceShowsItsReadyEndpointsFromTheSlicesAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.SERVICES, input(json("service.json"), null, items("service-slices.json")));

    assertThat(text).isEqualTo(text("service.describe"));
  }

  @Test
  void nodeShowsLeasePodsAndCanonicalQuantitiesAsKubectlDoes() {
    List<JsonNode> related = new ArrayList<>(items("node-pods.json"));
    related.add(json("node-lease.json"));

    String text = Describers.describe(Resources.NODES, input(json("node.json"), null, related));

    assertThat(text).isEqualTo(text("node.describe"));
  }

  @Test
  void nodeWithoutLeaseSaysSo() {
    String text = Describers.describe(Resources.NODES, input(json("node.json"), null, List.of()));

    assertThat(text)
        .contains("Lease:              Failed to get lease: leases \"node-1\" not found");
  }

  @Test
  void deploymentShowsItsTemplateConditionsAndReplicaSetsAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.DEPLOYMENTS,
            input(json("deployment.json"), null, items("deployment-replicasets.json")));

    assertThat(text).isEqualTo(text("deployment.describe"));
  }

  @Test
  void replicaSetCountsItsPodsByPhaseAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.REPLICASETS,
            input(
                items("deployment-replicasets.json").get(0), null, items("replicaset-pods.json")));

    assertThat(text).isEqualTo(text("replicaset.describe"));
  }

  @Test
  void endpointSlicePrintsAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.ENDPOINTSLICES, input(items("slice.json").get(0), null, List.of()));

    assertThat(text).isEqualTo(text("slice.describe"));
  }

  @Test
  void configMapPrintsDataAndBinaryDataSizesAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.CONFIGMAPS, input(json("configmap.json"), List.of(), List.of()));

    assertThat(text).isEqualTo(text("configmap.describe"));
  }

  @Test
  void secretPrintsSizesNeverValuesAsKubectlDoes() {
    String text =
        Describers.describe(Resources.SECRETS, input(json("secret.json"), null, List.of()));

    assertThat(text).isEqualTo(text("secret.describe")).doesNotContain("s3cr3t");
  }

  @Test
  void serviceAccountListsItsSecretsTokensAndMissingOnesAsKubectlDoes() {
    String text =
        Describers.describe(
            Resources.SERVICEACCOUNTS,
            input(json("serviceaccount.json"), List.of(), items("serviceaccount-secrets.json")));

    assertThat(text).isEqualTo(text("serviceaccount.describe"));
  }

  @Test
  void kindsWithoutALayoutPrintEveryFieldUnderAHumanLabel() {
    JsonNode lease = json("node-lease.json");

    String text = Describers.describe(Resources.LEASES, input(lease, List.of(), List.of()));

    assertThat(text)
        .startsWith("Name:         node-1\nNamespace:    kube-node-lease\n")
        .contains("API Version:  coordination.k8s.io/v1\n")
        .contains("  Holder Identity:         node-1\n")
        .endsWith("Events:                    <none>\n");
  }

  @Test
  void genericLabelsSplitCamelCaseAndKeepAcronyms() {
    assertThat(GenericDescriber.label("addressType")).isEqualTo("Address Type");
    assertThat(GenericDescriber.label("podIP")).isEqualTo("Pod IP");
    assertThat(GenericDescriber.label("leaseDurationSeconds")).isEqualTo("Lease Duration Seconds");
  }

  static DescribeInput input(JsonNode object, List<JsonNode> events, List<JsonNode> related) {
    return new DescribeInput(object, events, related, NOW, ZoneOffset.UTC);
  }

  static JsonNode json(String name) {
    return Json.tree(bytes(name));
  }

  static List<JsonNode> items(String name) {
    List<JsonNode> items = new ArrayList<>();
    json(name).path("items").forEach(items::add);
    return items;
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = DescribersTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
