package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Volume sources and mounts of a pod, with Kubernetes' paths, reasons and messages. */
class VolumeValidationTest {
  static Pod pod(String volume, String mounts) {
    return Cases.parse(
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default"},
         "spec":{"volumes":[VOLUME],
                 "containers":[{"name":"c","image":"busybox","volumeMounts":[MOUNTS]}]}}
        """
            .replace("VOLUME", volume)
            .replace("MOUNTS", mounts),
        Pod.class);
  }

  @Test
  void acceptsEverySourceSkiffMountsAndDefaultsTheirModes() {
    String volumes =
        String.join(
            ",",
            "{\"name\":\"a\",\"emptyDir\":{\"medium\":\"Memory\",\"sizeLimit\":\"16Mi\"}}",
            "{\"name\":\"b\",\"hostPath\":{\"path\":\"/var/log\",\"type\":\"Directory\"}}",
            "{\"name\":\"c\",\"persistentVolumeClaim\":{\"claimName\":\"data\"}}",
            "{\"name\":\"d\",\"configMap\":{\"name\":\"cm\",\"items\":[{\"key\":\"k\",\"path\":\"k.conf\",\"mode\":256}]}}",
            "{\"name\":\"e\",\"secret\":{\"secretName\":\"s\"}}",
            "{\"name\":\"f\",\"downwardAPI\":{\"items\":[{\"path\":\"labels\",\"fieldRef\":{\"fieldPath\":\"metadata.labels\"}},"
                + "{\"path\":\"cpu\",\"resourceFieldRef\":{\"containerName\":\"c\",\"resource\":\"limits.cpu\"}}]}}",
            "{\"name\":\"g\",\"projected\":{\"sources\":[{\"serviceAccountToken\":{\"path\":\"token\"}},"
                + "{\"configMap\":{\"name\":\"cm\"}}]}}",
            "{\"name\":\"h\",\"nfs\":{\"server\":\"nfs\",\"path\":\"/export\"}}",
            "{\"name\":\"i\"}");
    Pod p = pod(volumes, "{\"name\":\"a\",\"mountPath\":\"/a\",\"subPathExpr\":\"$(POD_NAME)\"}");

    assertThat(Validation.validate(p, null)).isEmpty();
    assertThat(p.spec.volumes.get(3).configMap.defaultMode).isEqualTo(0644);
    assertThat(p.spec.volumes.get(4).secret.defaultMode).isEqualTo(420);
    assertThat(p.spec.volumes.get(5).downwardAPI.items.get(0).fieldRef.apiVersion).isEqualTo("v1");
    assertThat(p.spec.volumes.get(6).projected.sources.get(0).serviceAccountToken.expirationSeconds)
        .isEqualTo(3600L);
    assertThat(p.spec.volumes.get(8).emptyDir).isNotNull();
  }

  static Stream<Arguments> rules() {
    String v = "spec.volumes[0]";
    return Stream.of(
        Arguments.of(
            "two sources",
            "{\"name\":\"v\",\"emptyDir\":{},\"hostPath\":{\"path\":\"/x\"}}",
            List.of(
                cause(
                    v + ".emptyDir",
                    "FieldValueForbidden",
                    "Forbidden: may not specify more than 1 volume type"))),
        Arguments.of(
            "hostPath path and type",
            "{\"name\":\"v\",\"hostPath\":{\"path\":\"\",\"type\":\"Nope\"}}",
            List.of(
                cause(v + ".hostPath.path", "FieldValueRequired", "Required value"),
                cause(
                    v + ".hostPath.type",
                    "FieldValueNotSupported",
                    "Unsupported value: \"Nope\": supported values: \"\", \"BlockDevice\","
                        + " \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\","
                        + " \"FileOrCreate\", \"Socket\""))),
        Arguments.of(
            "claimName required",
            "{\"name\":\"v\",\"persistentVolumeClaim\":{}}",
            List.of(
                cause(
                    v + ".persistentVolumeClaim.claimName",
                    "FieldValueRequired",
                    "Required value"))),
        Arguments.of(
            "configMap name, item key and path, modes",
            "{\"name\":\"v\",\"configMap\":{\"defaultMode\":512,\"items\":[{\"path\":\"../esc\",\"mode\":-1}]}}",
            List.of(
                cause(v + ".configMap.name", "FieldValueRequired", "Required value"),
                cause(
                    v + ".configMap.defaultMode",
                    "FieldValueInvalid",
                    "Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive"),
                cause(v + ".configMap.items[0].key", "FieldValueRequired", "Required value"),
                cause(
                    v + ".configMap.items[0].path",
                    "FieldValueInvalid",
                    "Invalid value: \"../esc\": must not contain '..'"),
                cause(
                    v + ".configMap.items[0].mode",
                    "FieldValueInvalid",
                    "Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive"))),
        Arguments.of(
            "secretName required, absolute item path",
            "{\"name\":\"v\",\"secret\":{\"items\":[{\"key\":\"k\",\"path\":\"/abs\"}]}}",
            List.of(
                cause(v + ".secret.secretName", "FieldValueRequired", "Required value"),
                cause(
                    v + ".secret.items[0].path",
                    "FieldValueInvalid",
                    "Invalid value: \"/abs\": must be a relative path"))),
        Arguments.of(
            "downwardAPI item errors name the source",
            "{\"name\":\"v\",\"downwardAPI\":{\"items\":[{\"fieldRef\":{\"fieldPath\":\"spec.nodeName\"}},{\"path\":\"p\"},"
                + "{\"path\":\"..x\",\"resourceFieldRef\":{\"resource\":\"limits.cpu\"}}]}}",
            List.of(
                cause(v + ".downwardAPI.path", "FieldValueRequired", "Required value"),
                cause(
                    v + ".downwardAPI.fieldRef.fieldPath",
                    "FieldValueNotSupported",
                    "Unsupported value: \"spec.nodeName\": supported values:"
                        + " \"metadata.annotations\", \"metadata.labels\", \"metadata.name\","
                        + " \"metadata.namespace\", \"metadata.uid\""),
                cause(
                    v + ".downwardAPI",
                    "FieldValueRequired",
                    "Required value: one of fieldRef and resourceFieldRef is required"),
                cause(
                    v + ".downwardAPI.path",
                    "FieldValueInvalid",
                    "Invalid value: \"..x\": must not start with '..'"),
                cause(
                    v + ".downwardAPI.resourceFieldRef.containerName",
                    "FieldValueRequired",
                    "Required value"))),
        Arguments.of(
            "projected sources",
            "{\"name\":\"v\",\"projected\":{\"sources\":[{\"serviceAccountToken\":{\"expirationSeconds\":60}},"
                + "{\"configMap\":{\"name\":\"a\",\"items\":[{\"key\":\"k\",\"path\":\"same\"}]},\"secret\":{\"name\":\"b\",\"items\":[{\"key\":\"k\",\"path\":\"same\"}]}}]}}",
            List.of(
                cause(
                    v + ".projected.sources[0].serviceAccountToken.expirationSeconds",
                    "FieldValueInvalid",
                    "Invalid value: 60: may not specify a duration less than 10 minutes"),
                cause(v + ".projected.path", "FieldValueRequired", "Required value"),
                cause(
                    v + ".projected",
                    "FieldValueInvalid",
                    "Invalid value: \"a\": conflicting duplicate paths"),
                cause(
                    v + ".projected.sources[1]",
                    "FieldValueForbidden",
                    "Forbidden: may not specify more than 1 volume type per source"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void reportsEachVolumeRuleAsKubernetesDoes(
      String name, String volume, List<StatusCause> expected) {
    Pod p = pod(volume, "");
    Cases.assertCauses(Validation.validate(p, null), expected);
  }

  @Test
  void subPathMustStayInTheVolumeAndExcludesSubPathExpr() {
    Pod p =
        pod(
            "{\"name\":\"v\",\"emptyDir\":{}}",
            "{\"name\":\"v\",\"mountPath\":\"/a\",\"subPath\":\"../up\",\"subPathExpr\":\"x\"}");

    Cases.assertCauses(
        Validation.validate(p, null),
        cause(
            "spec.containers[0].volumeMounts[0].subPath",
            "FieldValueInvalid",
            "Invalid value: \"../up\": must not contain '..'"),
        cause(
            "spec.containers[0].volumeMounts[0].subPathExpr",
            "FieldValueInvalid",
            "Invalid value: \"x\": subPathExpr and subPath are mutually exclusive"));
  }
}
