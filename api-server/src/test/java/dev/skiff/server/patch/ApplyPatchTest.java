package dev.skiff.server.patch;

import static dev.skiff.server.patch.Trees.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.StatusException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyPatchTest {
  private static final ObjectNode LIVE =
      object(
          "{'apiVersion':'v1','kind':'Service','metadata':{'name':'websvc','namespace':'default','uid':'u',"
              + "'resourceVersion':'7','labels':{'app':'web'}},"
              + "'spec':{'type':'ClusterIP','clusterIP':'10.96.0.10','selector':{'app':'web'},"
              + "'ports':[{'port':80,'targetPort':8080,'protocol':'TCP'},{'port':443,'protocol':'TCP'}]}}");

  @Test
  void parsesYamlConfiguration() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: websvc
        spec:
          ports:
          - port: 80
            targetPort: 9090
        """;

    ObjectNode applied = ApplyPatch.parse(yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(applied)
        .isEqualTo(
            object(
                "{'apiVersion':'v1','kind':'Service','metadata':{'name':'websvc'},"
                    + "'spec':{'ports':[{'port':80,'targetPort':9090}]}}"));
  }

  @Test
  void parsesJsonConfigurationAsKubectlSendsIt() {
    ObjectNode applied =
        ApplyPatch.parse(
            Trees.bytes("{'apiVersion':'v1','kind':'Service','spec':{'ports':[{'port':80}]}}"));

    assertThat(applied.at("/spec/ports/0/port").intValue()).isEqualTo(80);
  }

  @Test
  void mergesAppliedFieldsIntoLiveObjectKeepingServerFields() {
    ObjectNode applied =
        object(
            "{'apiVersion':'v1','kind':'Service','metadata':{'name':'websvc','labels':{'tier':'fe'}},"
                + "'spec':{'ports':[{'port':80,'targetPort':9090}]}}");

    ObjectNode result = ApplyPatch.apply(LIVE, applied, MergeKeys.forKind("Service"));

    assertThat(result)
        .isEqualTo(
            object(
                "{'apiVersion':'v1','kind':'Service','metadata':{'name':'websvc','namespace':'default','uid':'u',"
                    + "'resourceVersion':'7','labels':{'app':'web','tier':'fe'}},"
                    + "'spec':{'type':'ClusterIP','clusterIP':'10.96.0.10','selector':{'app':'web'},"
                    + "'ports':[{'port':80,'targetPort':9090,'protocol':'TCP'},{'port':443,'protocol':'TCP'}]}}"));
  }

  @Test
  void lastAppliedSecondApplyAddsAnnotationWithoutWipingSpec() {
    // kubectl's second PATCH (fieldManager=kubectl-last-applied) carries only metadata.
    byte[] body =
        Trees.bytes(
            "{'apiVersion':'v1','kind':'Service','metadata':{'name':'websvc','namespace':'default',"
                + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}\\n'}}}");

    ObjectNode result =
        ApplyPatch.apply(LIVE, ApplyPatch.parse(body), MergeKeys.forKind("Service"));

    assertThat(result.get("spec")).isEqualTo(LIVE.get("spec"));
    assertThat(
            result
                .at("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration")
                .asText())
        .isEqualTo("{}\n");
    assertThat(result.at("/metadata/labels")).isEqualTo(LIVE.at("/metadata/labels"));
  }

  @Test
  void applyingToAnEmptyObjectYieldsTheConfiguration() {
    ObjectNode applied =
        object(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'api'},"
                + "'spec':{'template':{'spec':{'containers':[{'name':'a','image':'x'}]}}}}");

    ObjectNode created =
        ApplyPatch.apply(
            JsonNodeFactory.instance.objectNode(), applied, MergeKeys.forKind("Deployment"));

    assertThat(created).isEqualTo(applied);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "- a\n- b\n",
        "just text",
        "42",
        "null",
        "a: [1, 2\n",
        "key: value: other",
        "a: 1\n---\nb: 2\n",
        "{\"a\": 1}}",
        "a:\n\tb: 1\n"
      })
  void rejectsBodyThatIsNotAnObjectWith400(String body) {
    StatusException e =
        catchThrowableOfType(
            StatusException.class, () -> ApplyPatch.parse(body.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.getMessage()).startsWith("error decoding YAML: ");
  }
}
