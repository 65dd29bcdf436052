package dev.skiff.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.status.StatusDetails;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fields whose presence follows Go's JSON tags, which strict clients (the Python client, kubectl
 * diff) notice: required ones are written even when empty, omitempty ones are left out when empty.
 */
class GoJsonFieldsTest {

  @Test
  void containerThatNeverStartedHasAnEmptyImageId() {
    ContainerStatus status = new ContainerStatus();
    status.name = "web";
    status.image = "nginx";
    status.ready = false;
    status.restartCount = 0;

    JsonNode json = Json.tree(Json.toBytes(status));

    assertThat(json.has("imageID")).isTrue();
    assertThat(json.get("imageID").textValue()).isEmpty();
  }

  @Test
  void imageIdRoundTrips() {
    ContainerStatus status =
        Json.parse("{\"imageID\":\"docker://sha256:1\"}", ContainerStatus.class);

    assertThat(status.imageID).isEqualTo("docker://sha256:1");
    assertThat(Json.tree(Json.toBytes(status)).get("imageID").textValue())
        .isEqualTo("docker://sha256:1");
  }

  @Test
  void emptyAnnotationsAndLabelsAreLeftOut() {
    Pod pod =
        Json.parse("{\"metadata\":{\"name\":\"p\",\"annotations\":{},\"labels\":{}}}", Pod.class);

    JsonNode meta = Json.tree(Json.toBytes(pod)).get("metadata");

    assertThat(meta.has("annotations")).isFalse();
    assertThat(meta.has("labels")).isFalse();
    pod.meta().annotations = Map.of("a", "b");
    assertThat(Json.tree(Json.toBytes(pod)).at("/metadata/annotations/a").textValue())
        .isEqualTo("b");
  }

  @Test
  void statusDetailsOfTheCoreGroupHaveNoGroup() {
    JsonNode core = Json.tree(Json.toBytes(StatusDetails.of("", "pods", "web")));
    JsonNode apps = Json.tree(Json.toBytes(StatusDetails.of("apps", "deployments", "web")));

    assertThat(core.has("group")).isFalse();
    assertThat(core.get("kind").textValue()).isEqualTo("pods");
    assertThat(apps.get("group").textValue()).isEqualTo("apps");
  }

  @Test
  void secretDataThatIsNotBase64DoesNotDecode() {
    assertThat(Json.parse("{\"data\":{\"a\":\"YQ==\"}}", Secret.class).data)
        .containsEntry("a", "YQ==");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Json.parse("{\"data\":{\"a\":\"not base64!\"}}", Secret.class))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("illegal base64 data at input byte 3")
        .hasMessageNotContaining("not base64");
  }
}
