package dev.skiff.server.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural schema validation, pruning and defaulting with Kubernetes' messages. */
class SchemaValidationTest {
  private static final JsonNode SCHEMA =
      json(
          """
          {"type":"object","properties":{
            "spec":{"type":"object","required":["cronSpec"],"properties":{
              "cronSpec":{"type":"string","pattern":"^(\\\\d+|\\\\*)(/\\\\d+)?(\\\\s+(\\\\d+|\\\\*)(/\\\\d+)?){4}$"},
              "image":{"type":"string","minLength":2,"maxLength":10},
              "replicas":{"type":"integer","minimum":1,"maximum":10,"default":1},
              "ratio":{"type":"number","exclusiveMinimum":true,"minimum":0},
              "mode":{"type":"string","enum":["Fast","Slow"]},
              "email":{"type":"string","format":"email"},
              "port":{"x-kubernetes-int-or-string":true},
              "tags":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string"}},
              "note":{"type":"string","nullable":true},
              "labels":{"type":"object","additionalProperties":{"type":"string"}},
              "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
              "nested":{"type":"object","default":{},"properties":{
                "level":{"type":"string","default":"info"}}}}},
            "status":{"type":"object","properties":{"replicas":{"type":"integer"}}}}}
          """);

  static Stream<Arguments> invalidObjects() {
    return Stream.of(
        Arguments.of(
            "{\"cronSpec\":\"* * * * */5\",\"replicas\":\"three\"}",
            "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type"
                + " integer: \"string\""),
        Arguments.of("{}", "spec.cronSpec: Required value"),
        Arguments.of(
            "{\"cronSpec\":\"nope\"}",
            "spec.cronSpec: Invalid value: \"nope\": spec.cronSpec in body should match"
                + " '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"replicas\":0}",
            "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or"
                + " equal to 1"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"replicas\":11}",
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal"
                + " to 10"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"ratio\":0}",
            "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"image\":\"x\"}",
            "spec.image: Invalid value: \"x\": spec.image in body should be at least 2 chars"
                + " long"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"image\":\"01234567890\"}",
            "spec.image: Too long: may not be more than 10 bytes"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"mode\":\"Medium\"}",
            "spec.mode: Unsupported value: \"Medium\": supported values: \"Fast\", \"Slow\""),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"email\":\"nobody\"}",
            "spec.email: Invalid value: \"nobody\": spec.email in body must be of type email:"
                + " \"nobody\""),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"port\":true}",
            "spec.port: Invalid value: \"boolean\": spec.port in body must be of type"
                + " integer,string: \"boolean\""),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"tags\":[]}",
            "spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"tags\":[\"a\",\"b\",\"c\"]}",
            "spec.tags: Too many: 3: must have at most 2 items"),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"tags\":[\"a\",1]}",
            "spec.tags[1]: Invalid value: \"integer\": spec.tags[1] in body must be of type"
                + " string: \"integer\""),
        Arguments.of(
            "{\"cronSpec\":\"* * * * *\",\"labels\":{\"a\":2}}",
            "spec.labels.a: Invalid value: \"integer\": spec.labels.a in body must be of type"
                + " string: \"integer\""));
  }

  @ParameterizedTest
  @MethodSource("invalidObjects")
  void refusesWithKubernetesMessages(String spec, String message) {
    ObjectNode object = resource(spec);

    List<StatusCause> causes = SchemaValidation.validate(object, SCHEMA).causes();

    assertThat(causes).extracting(StatusCause::toString).containsExactly(message);
  }

  @Test
  void acceptsAValidObjectWithIntOrStringAndNulls() {
    ObjectNode object =
        resource(
            "{\"cronSpec\":\"*/5 * * * *\",\"replicas\":3,\"port\":\"http\",\"note\":null,"
                + "\"email\":\"a@b.c\",\"ratio\":0.5,\"tags\":[\"x\"],\"labels\":{\"a\":\"b\"}}");

    assertThat(SchemaValidation.validate(object, SCHEMA).causes()).isEmpty();
  }

  @Test
  void prunesUnknownFieldsButKeepsPreservedOnesAndMetadata() {
    ObjectNode object =
        resource("{\"cronSpec\":\"* * * * *\",\"bogus\":1,\"free\":{\"any\":{\"thing\":1}}}");
    object.put("extra", true);
    object.with("metadata").put("name", "x");

    List<String> pruned = SchemaPruning.prune(object, SCHEMA);

    assertThat(pruned).containsExactly("spec.bogus", "extra");
    assertThat(object.path("spec").has("bogus")).isFalse();
    assertThat(object.at("/spec/free/any/thing").asInt()).isEqualTo(1);
    assertThat(object.at("/metadata/name").asText()).isEqualTo("x");
  }

  @Test
  void defaultsMissingFieldsAtEveryLevelAndDropsNonNullableNulls() {
    ObjectNode object = resource("{\"cronSpec\":\"* * * * *\",\"image\":null,\"note\":null}");

    SchemaDefaulting.apply(object, SCHEMA);

    assertThat(object.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(object.at("/spec/nested/level").asText()).isEqualTo("info");
    assertThat(object.path("spec").has("image")).isFalse();
    assertThat(object.path("spec").get("note").isNull()).isTrue();
    assertThat(object.path("status").isMissingNode()).isTrue();
  }

  private static ObjectNode resource(String spec) {
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("apiVersion", "stable.example.com/v1").put("kind", "CronTab");
    object.set("spec", json(spec));
    return object;
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
