package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.ProtoWriter.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.status.StatusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real request bodies of kubectl v1.32.4's {@code create} generators (captured once from a loopback
 * server, {@code protobuf/kubectl/NAME.pb}) decode to the same object as the JSON kubectl prints
 * for the same command with {@code --dry-run=client -o json} ({@code NAME.json}), once that JSON's
 * null and empty values, which mean "unset", are pruned.
 */
class KubeProtobufTest {
  private static final String[] CAPTURED = {
    "namespace",
    "deployment-full",
    "deployment-plain",
    "deployment-zero",
    "deployment-multi",
    "service-clusterip",
    "service-nodeport",
    "service-loadbalancer",
    "service-headless",
    "service-externalname",
    "configmap",
    "configmap-empty",
    "secret-generic",
    "secret-docker",
    "serviceaccount"
  };

  static String[] captured() {
    return CAPTURED;
  }

  @ParameterizedTest
  @MethodSource("captured")
  void kubectlGeneratorBodyDecodesToItsJsonForm(String name) throws IOException {
    ObjectNode decoded = KubeProtobuf.decode(resource(name + ".pb"));
    JsonNode expected = prune(Json.mapper().readTree(resource(name + ".json")));
    assertThat(decoded).isEqualTo(expected);
  }

  @Test
  void deploymentKeepsTheImageCommandPortLabelsAndSelector() {
    ObjectNode d = KubeProtobuf.decode(resource("deployment-full.pb"));
    assertThat(d.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(d.at("/spec/selector/matchLabels/app").textValue()).isEqualTo("web");
    assertThat(d.at("/spec/template/metadata/labels/app").textValue()).isEqualTo("web");
    JsonNode container = d.at("/spec/template/spec/containers/0");
    assertThat(container.get("image").textValue()).isEqualTo("skiff/busybox:1");
    assertThat(container.at("/ports/0/containerPort").intValue()).isEqualTo(8080);
    assertThat(container.get("command").toString())
        .isEqualTo("[\"sh\",\"-c\",\"echo hi; sleep 3600\"]");
  }

  @Test
  void explicitZeroReplicasIsKept() {
    ObjectNode d = KubeProtobuf.decode(resource("deployment-zero.pb"));
    assertThat(d.at("/spec/replicas").isInt()).isTrue();
    assertThat(d.at("/spec/replicas").intValue()).isZero();
  }

  @Test
  void emptyBodyIsBadRequest() {
    assertThat(failure(new byte[0]).code()).isEqualTo(400);
  }

  @Test
  void bodyWithoutTheMagicPrefixIsBadRequest() {
    assertThat(failure("{\"kind\":\"Namespace\"}".getBytes()).code()).isEqualTo(400);
    assertThat(failure(new byte[] {'k', '8', 's'}).code()).isEqualTo(400);
  }

  @Test
  void envelopeWithoutKindIsBadRequest() {
    byte[] body = ProtoWriter.envelope("v1", "", message().message(1, message().string(1, "x")));
    assertThat(failure(body).reason()).isEqualTo("BadRequest");
  }

  @Test
  void kindWithoutASchemaIsUnsupportedMediaType() {
    byte[] body =
        ProtoWriter.envelope("v1", "Binding", message().message(1, message().string(1, "x")));
    StatusException e = failure(body);
    assertThat(e.code()).isEqualTo(415);
    assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
  }

  @Test
  void encodedPayloadIsUnsupportedMediaType() {
    byte[] unknown =
        message()
            .message(1, message().string(1, "v1").string(2, "Namespace"))
            .bytes(2, new byte[] {1, 2, 3})
            .string(3, "gzip")
            .toBytes();
    byte[] body =
        message().raw((byte) 'k', (byte) '8', (byte) 's', (byte) 0).raw(unknown).toBytes();
    assertThat(failure(body).code()).isEqualTo(415);
  }

  @Test
  void everyTruncationOfARealBodyDecodesOrIsBadRequest() {
    for (String name : CAPTURED) {
      byte[] body = resource(name + ".pb");
      for (int length = 0; length < body.length; length++) {
        assertDecodesOrFailsCleanly(java.util.Arrays.copyOf(body, length));
      }
    }
  }

  @Test
  void randomlyCorruptedBodiesDecodeOrFailWithAStatus() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] body = resource(CAPTURED[random.nextInt(CAPTURED.length)] + ".pb").clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        body[4 + random.nextInt(body.length - 4)] = (byte) random.nextInt(256);
      }
      assertDecodesOrFailsCleanly(body);
    }
  }

  private static void assertDecodesOrFailsCleanly(byte[] body) {
    try {
      KubeProtobuf.decode(body);
    } catch (StatusException e) {
      assertThat(e.code()).as(e.getMessage()).isIn(400, 415);
    }
  }

  private static StatusException failure(byte[] body) {
    return catchThrowableOfType(StatusException.class, () -> KubeProtobuf.decode(body));
  }

  /** Drops nulls and empty objects, bottom-up: Go's JSON for unset struct fields. */
  private static JsonNode prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<java.util.Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        var entry = it.next();
        JsonNode value = prune(entry.getValue());
        if (value.isNull() || (value.isObject() && value.isEmpty())) {
          it.remove();
        }
      }
    } else if (node.isArray()) {
      node.forEach(KubeProtobufTest::prune);
    }
    return node;
  }

  private static byte[] resource(String name) {
    try (InputStream in = KubeProtobufTest.class.getResourceAsStream("/protobuf/kubectl/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
