package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.ProtoWriter.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import org.junit.jupiter.api.Test;

/** The schema mapping on hand-built messages: the edge cases kubectl's bodies do not show. */
class MessageDecoderTest {

  private static ObjectNode decode(Message type, ProtoWriter body) {
    return MessageDecoder.object(type, new WireReader(body.toBytes()));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void packedAndUnpackedRepeatedVarintsDecodeAlike() {
    ProtoWriter packed =
        message().bytes(4, message().rawVarint(1).rawVarint(2).rawVarint(300).toBytes());
    ProtoWriter unpacked = message().varint(4, 1).varint(4, 2).varint(4, 300);
    ProtoWriter mixed =
        message().varint(4, 1).bytes(4, message().rawVarint(2).rawVarint(300).toBytes());
    JsonNode expected = json("{\"supplementalGroups\":[1,2,300]}");
    assertThat(decode(PodSchema.POD_SECURITY_CONTEXT, packed)).isEqualTo(expected);
    assertThat(decode(PodSchema.POD_SECURITY_CONTEXT, unpacked)).isEqualTo(expected);
    assertThat(decode(PodSchema.POD_SECURITY_CONTEXT, mixed)).isEqualTo(expected);
  }

  @Test
  void unknownFieldsOfEveryWireTypeAreSkipped() {
    ProtoWriter body =
        message()
            .varint(99, 1)
            .string(1, "web")
            .fixed32(98, 1)
            .fixed64(97, 2)
            .message(96, message().string(1, "nested unknown"))
            .string(2, "nginx");
    assertThat(decode(ContainerSchema.CONTAINER, body))
        .isEqualTo(json("{\"name\":\"web\",\"image\":\"nginx\"}"));
  }

  @Test
  void zeroValuesAreDroppedUnlessTheGoFieldIsAPointer() {
    ProtoWriter spec =
        message()
            .varint(1, 0) // replicas: *int32, an explicit 0 is kept
            .varint(5, 0) // minReadySeconds: int32, 0 means unset
            .varint(7, 0) // paused: bool
            .message(4, message().string(1, "")) // strategy: struct, empty
            .message(2, message()); // selector: *LabelSelector, kept even when empty
    assertThat(decode(AppsSchema.DEPLOYMENT_SPEC, spec))
        .isEqualTo(json("{\"replicas\":0,\"selector\":{}}"));
  }

  @Test
  void pointerBooleansKeepFalse() {
    ProtoWriter spec = message().varint(30, 0).varint(11, 0).string(3, "Never");
    assertThat(decode(PodSchema.POD_SPEC, spec))
        .isEqualTo(json("{\"enableServiceLinks\":false,\"restartPolicy\":\"Never\"}"));
  }

  @Test
  void fieldsWithoutOmitemptyKeepTheirZeroValue() {
    ProtoWriter port = message().string(1, "").varint(3, 0).string(4, "");
    assertThat(decode(ContainerSchema.CONTAINER_PORT, port))
        .isEqualTo(json("{\"containerPort\":0}"));
    ProtoWriter status =
        message().string(1, "app").varint(4, 0).varint(5, 0).string(6, "x").string(7, "");
    assertThat(decode(PodStatusSchema.CONTAINER_STATUS, status))
        .isEqualTo(
            json(
                "{\"name\":\"app\",\"ready\":false,\"restartCount\":0,\"image\":\"x\",\"imageID\":\"\"}"));
  }

  @Test
  void podStatusCarriesPhaseConditionsAndIps() {
    ProtoWriter status =
        message()
            .string(1, "Running")
            .message(2, message().string(1, "Ready").string(2, "True"))
            .string(6, "10.244.0.5")
            .message(12, message().string(1, "10.244.0.5"))
            .message(16, message().string(1, "127.0.0.9"));
    assertThat(decode(PodStatusSchema.POD_STATUS, status))
        .isEqualTo(
            json(
                "{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],"
                    + "\"podIP\":\"10.244.0.5\",\"podIPs\":[{\"ip\":\"10.244.0.5\"}],"
                    + "\"hostIPs\":[{\"ip\":\"127.0.0.9\"}]}"));
  }

  @Test
  void repeatedElementsAreKeptEvenWhenEmpty() {
    ProtoWriter container = message().string(3, "").string(3, "x").message(6, message());
    assertThat(decode(ContainerSchema.CONTAINER, container))
        .isEqualTo(json("{\"command\":[\"\",\"x\"],\"ports\":[{}]}"));
  }

  @Test
  void intOrStringBecomesANumberOrAString() {
    ProtoWriter byNumber =
        message().message(4, message().varint(1, 0).varint(2, 8080)).varint(3, 80);
    ProtoWriter byName =
        message().message(4, message().varint(1, 1).string(3, "http")).varint(3, 80);
    assertThat(decode(ServiceSchema.SERVICE_PORT, byNumber))
        .isEqualTo(json("{\"targetPort\":8080,\"port\":80}"));
    assertThat(decode(ServiceSchema.SERVICE_PORT, byName))
        .isEqualTo(json("{\"targetPort\":\"http\",\"port\":80}"));
  }

  @Test
  void zeroIntOrStringIsUnsetButAPointerOneIsKept() {
    ProtoWriter port = message().message(4, message().varint(1, 0).varint(2, 0)).varint(3, 80);
    assertThat(decode(ServiceSchema.SERVICE_PORT, port)).isEqualTo(json("{\"port\":80}"));
    ProtoWriter rolling = message().message(1, message().varint(1, 0).varint(2, 0));
    assertThat(decode(AppsSchema.ROLLING_UPDATE_DEPLOYMENT, rolling))
        .isEqualTo(json("{\"maxUnavailable\":0}"));
  }

  @Test
  void timeBecomesRfc3339AndZeroTimeIsLeftOut() {
    ProtoWriter meta =
        message().string(1, "a").message(8, message().varint(1, 1_700_000_000L).varint(2, 5));
    assertThat(decode(MetaSchema.OBJECT_META, meta))
        .isEqualTo(json("{\"name\":\"a\",\"creationTimestamp\":\"2023-11-14T22:13:20Z\"}"));
    assertThat(decode(MetaSchema.OBJECT_META, message().string(1, "a").message(8, message())))
        .isEqualTo(json("{\"name\":\"a\"}"));
  }

  @Test
  void mapsTakeTheLastValueOfAKeyAndDefaultMissingValues() {
    ProtoWriter meta =
        message()
            .entry(11, "app", "old")
            .entry(11, "app", "web")
            .message(11, message().string(1, "empty"))
            .entry(12, "note", "");
    assertThat(decode(MetaSchema.OBJECT_META, meta))
        .isEqualTo(
            json("{\"labels\":{\"app\":\"web\",\"empty\":\"\"},\"annotations\":{\"note\":\"\"}}"));
  }

  @Test
  void quantitiesAreStringsInResourceMaps() {
    ProtoWriter resources =
        message()
            .message(1, message().string(1, "cpu").message(2, message().string(1, "500m")))
            .message(2, message().string(1, "memory").message(2, message().string(1, "64Mi")));
    assertThat(decode(ContainerSchema.RESOURCE_REQUIREMENTS, resources))
        .isEqualTo(json("{\"limits\":{\"cpu\":\"500m\"},\"requests\":{\"memory\":\"64Mi\"}}"));
  }

  @Test
  void embeddedStructsAreInlined() {
    ProtoWriter env =
        message()
            .string(1, "PASSWORD")
            .message(
                3,
                message()
                    .message(4, message().message(1, message().string(1, "db")).string(2, "pw")));
    assertThat(decode(ContainerSchema.ENV_VAR, env))
        .isEqualTo(
            json(
                "{\"name\":\"PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\",\"key\":\"pw\"}}}"));
    ProtoWriter probe =
        message()
            .message(
                1,
                message()
                    .message(
                        2, message().string(1, "/healthz").message(2, message().varint(2, 8080))))
            .varint(4, 5);
    assertThat(decode(ContainerSchema.PROBE, probe))
        .isEqualTo(json("{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080},\"periodSeconds\":5}"));
  }

  @Test
  void volumeSourcesAreInlinedAndAnEmptyEmptyDirIsKept() {
    ProtoWriter volume = message().string(1, "scratch").message(2, message().message(2, message()));
    assertThat(decode(PodSchema.VOLUME, volume))
        .isEqualTo(json("{\"name\":\"scratch\",\"emptyDir\":{}}"));
  }

  @Test
  void negativeInt32sAndLargeInt64sKeepTheirValue() {
    ProtoWriter context = message().varint(2, 5_000_000_000L).varint(5, -1);
    assertThat(decode(PodSchema.POD_SECURITY_CONTEXT, context))
        .isEqualTo(json("{\"runAsUser\":5000000000,\"fsGroup\":-1}"));
  }

  @Test
  void aWireTypeTheFieldCannotHaveIsMalformed() {
    assertThatThrownBy(() -> decode(ContainerSchema.CONTAINER, message().varint(1, 7)))
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("Container.name");
  }
}
