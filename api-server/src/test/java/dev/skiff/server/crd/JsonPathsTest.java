package dev.skiff.server.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSONPaths of printer columns and scale subresources; Kubernetes' version priority. */
class JsonPathsTest {
  private static final ObjectNode OBJECT =
      Json.tree(
          ("{\"metadata\":{\"labels\":{\"app.io/x\":\"web\"}},\"spec\":{\"replicas\":3},"
                  + "\"status\":{\"conditions\":[{\"type\":\"Synced\",\"status\":\"False\"},"
                  + "{\"type\":\"Ready\",\"status\":\"True\"}]}}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Test
  void findsFieldsIndexesKeysAndFilters() {
    assertThat(JsonPaths.find(OBJECT, ".spec.replicas").asInt()).isEqualTo(3);
    assertThat(JsonPaths.find(OBJECT, ".status.conditions[1].type").asText()).isEqualTo("Ready");
    assertThat(JsonPaths.find(OBJECT, ".metadata.labels['app.io/x']").asText()).isEqualTo("web");
    assertThat(JsonPaths.find(OBJECT, ".status.conditions[?(@.type==\"Ready\")].status").asText())
        .isEqualTo("True");
    assertThat(JsonPaths.find(OBJECT, "{.spec.replicas}").asInt()).isEqualTo(3);
    assertThat(JsonPaths.find(OBJECT, ".spec.missing.deeper").isMissingNode()).isTrue();
    assertThat(JsonPaths.find(OBJECT, ".status.conditions[7]").isMissingNode()).isTrue();
  }

  @Test
  void setsADottedPathCreatingObjects() {
    ObjectNode object = OBJECT.deepCopy();

    assertThat(JsonPaths.set(object, ".spec.scale.replicas", IntNode.valueOf(5))).isTrue();
    assertThat(JsonPaths.set(object, ".spec.replicas.nested", IntNode.valueOf(1))).isFalse();

    assertThat(object.at("/spec/scale/replicas").asInt()).isEqualTo(5);
  }

  @Test
  void ordersVersionsAsKubernetesDoes() {
    List<String> versions =
        new ArrayList<>(
            List.of("v1alpha1", "foo", "v1", "v2beta1", "v1beta2", "v2", "v1beta1", "bar"));

    versions.sort(VersionPriority.ORDER);

    assertThat(versions)
        .containsExactly("v2", "v1", "v2beta1", "v1beta2", "v1beta1", "v1alpha1", "bar", "foo");
  }
}
