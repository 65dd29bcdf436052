package dev.skiff.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.autoscaling.Scale;
import dev.skiff.api.model.core.PodList;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.resource.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Realistic manifests with unknown fields at several levels survive parse + write unchanged, and
 * every field the model knows lands in a typed field (not in the unknown-field bag).
 */
class RoundTripTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pod.json",
        "service.json",
        "service-externalname.json",
        "node.json",
        "namespace.json",
        "endpoints.json",
        "endpointslice.json",
        "event.json",
        "deployment.json",
        "replicaset.json",
        "lease.json",
        "scale.json",
        "configmap.json",
        "secret.json",
        "serviceaccount.json"
      })
  void kindRoundTripsUnchangedAndTyped(String file) {
    byte[] bytes = fixture(file);
    JsonNode original = Json.tree(bytes);
    Class<? extends KubeObject> type = typeOf(original);

    KubeObject parsed = Json.parse(bytes, type);
    JsonNode written = Json.tree(Json.toBytes(parsed));

    assertThat(written).isEqualTo(original);
    assertThat(UnknownFields.paths(parsed)).allMatch(UnknownFields::isExpectedUnknown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pod.json", "deployment.json"})
  void copyKeepsUnknownFields(String file) {
    byte[] bytes = fixture(file);
    JsonNode original = Json.tree(bytes);
    KubeObject parsed = Json.parse(bytes, typeOf(original));

    @SuppressWarnings("unchecked")
    KubeObject copy = Json.copy(parsed, (Class<KubeObject>) parsed.getClass());

    assertThat(Json.tree(Json.toBytes(copy))).isEqualTo(original);
  }

  @ParameterizedTest
  @ValueSource(strings = {"podlist.json"})
  void typedListRoundTrips(String file) {
    byte[] bytes = fixture(file);
    PodList list = Json.parse(bytes, PodList.class);

    assertThat(Json.tree(Json.toBytes(list))).isEqualTo(Json.tree(bytes));
    assertThat(list.items).hasSize(1);
    assertThat(list.items.get(0).spec.containers.get(0).image).isEqualTo("busybox");
  }

  private static Class<? extends KubeObject> typeOf(JsonNode tree) {
    String apiVersion = tree.get("apiVersion").asText();
    String kind = tree.get("kind").asText();
    if (kind.equals(Scale.KIND)) {
      return Scale.class;
    }
    return Resources.byApiVersionKind(apiVersion, kind).orElseThrow().type();
  }

  static byte[] fixture(String file) {
    try (InputStream in = RoundTripTest.class.getResourceAsStream("roundtrip/" + file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
