package dev.skiff.server.patch;

import static dev.skiff.server.patch.Trees.bytes;
import static dev.skiff.server.patch.Trees.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchesTest {
  private static final ObjectNode POD =
      object(
          "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'default','resourceVersion':'5',"
              + "'labels':{'app':'web'}},'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}");

  /** The same change, one body per patch type: containers keyed by name only under SMP/apply. */
  static Stream<Arguments> oneChangePerType() {
    return Stream.of(
        Arguments.of(
            "application/merge-patch+json",
            "{'spec':{'containers':[{'name':'a','image':'z'}]}}",
            "[{'name':'a','image':'z'}]"),
        Arguments.of(
            "application/json-patch+json",
            "[{'op':'replace','path':'/spec/containers/0/image','value':'z'}]",
            "[{'name':'a','image':'z'},{'name':'b','image':'y'}]"),
        Arguments.of(
            "application/strategic-merge-patch+json",
            "{'spec':{'containers':[{'name':'a','image':'z'}]}}",
            "[{'name':'a','image':'z'},{'name':'b','image':'y'}]"),
        Arguments.of(
            "application/apply-patch+yaml",
            "{'spec':{'containers':[{'name':'a','image':'z'}]}}",
            "[{'name':'a','image':'z'},{'name':'b','image':'y'}]"),
        Arguments.of(
            "application/strategic-merge-patch+json; charset=utf-8",
            "{'spec':{'containers':[{'name':'a','image':'z'}]}}",
            "[{'name':'a','image':'z'},{'name':'b','image':'y'}]"),
        Arguments.of(
            " Application/Merge-Patch+JSON ;charset=UTF-8",
            "{'spec':{'containers':[{'name':'a','image':'z'}]}}",
            "[{'name':'a','image':'z'}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneChangePerType")
  void selectsPatchTypeByContentType(String contentType, String body, String containers) {
    ObjectNode before = POD.deepCopy();

    ObjectNode result = Patches.apply(POD, bytes(body), contentType, Resources.PODS);

    assertThat(result.at("/spec/containers")).isEqualTo(Trees.tree(containers));
    assertThat(result.at("/metadata/labels")).isEqualTo(POD.at("/metadata/labels"));
    assertThat(POD).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "text/plain",
        "application/yaml",
        "",
        "application/merge-patch"
      })
  void rejectsOtherMediaTypesWith415NamingTheAcceptedOnes(String contentType) {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Patches.apply(POD, bytes("{}"), contentType, Resources.PODS));

    assertThat(e.code()).isEqualTo(415);
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_MEDIA_TYPE);
    assertThat(e.getMessage())
        .isEqualTo(
            "the body of the request was in an unknown format - accepted media types include:"
                + " application/json-patch+json, application/merge-patch+json,"
                + " application/strategic-merge-patch+json, application/apply-patch+yaml");
  }

  @Test
  void rejectsMissingContentTypeWith415() {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Patches.apply(POD, bytes("{}"), (String) null, Resources.PODS));

    assertThat(e.code()).isEqualTo(415);
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(PatchType.values())
        .flatMap(
            type ->
                Stream.of("", "{", "{'a':}", "{} {}", "[1,", "nul", "{'a':1}}", "\u0000\u0001")
                    .filter(body -> type != PatchType.APPLY || !yamlValid(body))
                    .map(body -> Arguments.of(type.contentType(), body)));
  }

  /** Bodies that are broken JSON but a YAML object, so valid apply configurations. */
  private static boolean yamlValid(String body) {
    return body.equals("{} {}") || body.equals("{'a':}");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("malformedBodies")
  void rejectsUndecodableBodyWith400(String contentType, String body) {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Patches.apply(POD, bytes(body), contentType, Resources.PODS));

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
    assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void rejectsDeeplyNestedBodyWith400() {
    String objects = "{'a':".repeat(5000) + "1" + "}".repeat(5000);
    String arrays = "{'a':" + "[".repeat(5000) + "]".repeat(5000) + "}";
    for (PatchType type : PatchType.values()) {
      for (String body : List.of(objects, arrays)) {
        StatusException e =
            catchThrowableOfType(
                StatusException.class, () -> Patches.apply(POD, bytes(body), type, Resources.PODS));

        assertThat(e.code()).as(type.contentType()).isEqualTo(400);
      }
    }
  }

  @Test
  void rejectsNullBodyWith400() {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Patches.apply(POD, null, "application/merge-patch+json", Resources.PODS));

    assertThat(e.code()).isEqualTo(400);
  }

  static Stream<Arguments> resultsThatAreNotObjects() {
    return Stream.of(
        Arguments.of("application/merge-patch+json", "['a']"),
        Arguments.of("application/merge-patch+json", "'text'"),
        Arguments.of("application/merge-patch+json", "null"),
        Arguments.of("application/json-patch+json", "[{'op':'replace','path':'','value':5}]"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("resultsThatAreNotObjects")
  void rejectsPatchThatTurnsTheObjectIntoSomethingElseWith422(String contentType, String body) {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Patches.apply(POD, bytes(body), contentType, Resources.PODS));

    assertThat(e.code()).isEqualTo(422);
    assertThat(e.reason()).isEqualTo(Reason.INVALID);
  }

  @Test
  void neverStoresDirectiveKeysWhateverThePatchType() {
    String directives =
        "{'metadata':{'labels':{'$patch':'replace'},'$retainKeys':['labels']},'spec':{'$setElementOrder/containers':[]}}";

    ObjectNode merged =
        Patches.apply(POD, bytes(directives), "application/merge-patch+json", Resources.PODS);
    ObjectNode jsonPatched =
        Patches.apply(
            POD,
            bytes(
                "[{'op':'add','path':'/spec/x','value':{'$deleteFromPrimitiveList/finalizers':['a'],'y':1}}]"),
            "application/json-patch+json",
            Resources.PODS);

    assertThat(Trees.hasDollarKey(merged)).isFalse();
    assertThat(merged.at("/metadata/labels/app").asText()).isEqualTo("web");
    assertThat(Trees.hasDollarKey(jsonPatched)).isFalse();
    assertThat(jsonPatched.at("/spec/x")).isEqualTo(Trees.tree("{'y':1}"));
  }

  @Test
  void appliesKubectlScaleMergePatchToDeployment() {
    ObjectNode deployment =
        object(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'api'},'spec':{'replicas':2}}");

    ObjectNode result =
        Patches.apply(
            deployment,
            bytes("{'spec':{'replicas':4}}"),
            "application/merge-patch+json",
            Resources.DEPLOYMENTS);

    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(4);
  }

  @Test
  void returnsPatchedObjectWithChangedIdentityFieldsForTheHttpLayerToJudge() {
    ObjectNode result =
        Patches.apply(
            POD,
            bytes("{'kind':'Service','metadata':{'name':'other','resourceVersion':null}}"),
            "application/merge-patch+json",
            Resources.PODS);

    assertThat(result.get("kind").asText()).isEqualTo("Service");
    assertThat(result.at("/metadata/name").asText()).isEqualTo("other");
    assertThat(result.at("/metadata/resourceVersion").isMissingNode()).isTrue();
  }

  static Stream<Arguments> preconditions() {
    return Stream.of(
        Arguments.of(
            "application/merge-patch+json",
            "{'metadata':{'labels':{'a':'b'},'resourceVersion':'1'}}",
            "1"),
        Arguments.of("application/merge-patch+json", "{'metadata':{'labels':{'a':'b'}}}", null),
        Arguments.of("application/merge-patch+json", "{'metadata':{'resourceVersion':null}}", null),
        Arguments.of("application/merge-patch+json", "{'metadata':{'resourceVersion':''}}", null),
        Arguments.of(
            "application/strategic-merge-patch+json; charset=utf-8",
            "{'metadata':{'resourceVersion':'12'}}",
            "12"),
        Arguments.of("application/apply-patch+yaml", "metadata:\n  resourceVersion: \"9\"\n", "9"),
        Arguments.of("application/apply-patch+yaml", "{'metadata':{'name':'x'}}", null),
        Arguments.of(
            "application/json-patch+json",
            "[{'op':'test','path':'/metadata/resourceVersion','value':'3'},"
                + "{'op':'replace','path':'/metadata/resourceVersion','value':'4'}]",
            "4"),
        Arguments.of(
            "application/json-patch+json",
            "[{'op':'add','path':'/metadata/labels/a','value':'4'}]",
            null),
        Arguments.of("application/json-patch+json", "{'metadata':{'resourceVersion':'1'}}", null),
        Arguments.of("application/merge-patch+json", "['x']", null));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("preconditions")
  void extractsResourceVersionPreconditionFromBody(
      String contentType, String body, String expected) {
    byte[] raw = body.contains("\n") ? body.getBytes(StandardCharsets.UTF_8) : bytes(body);

    assertThat(Patches.resourceVersionPrecondition(raw, contentType))
        .isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void preconditionOfUndecodableBodyIs400() {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () -> Patches.resourceVersionPrecondition(bytes("{"), "application/merge-patch+json"));

    assertThat(e.code()).isEqualTo(400);
  }
}
