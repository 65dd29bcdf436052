package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.core.ServiceAccount;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.status.StatusCause;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ConfigMap, Secret and ServiceAccount: one manifest per row, valid or with one problem, and the
 * update rules (immutable data, fixed Secret type), with Kubernetes' field paths and messages.
 */
class ConfigValidationTest {
  static final String KEY_MSG =
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
          + " 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is"
          + " '[-._a-zA-Z0-9]+')";
  static final String IMMUTABLE = "Forbidden: field is immutable when `immutable` is set";
  static final String MIB = "Too long: may not be more than 1048576 bytes";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'kind':'ConfigMap','metadata':{'name':'app.config','namespace':'default'},'data':{'a.b':'x','KEY_1':'','-x_':'y'},'binaryData':{'logo.png':'AAEC'}}",
        "{'kind':'ConfigMap','metadata':{'name':'empty','namespace':'default'}}",
        "{'kind':'Secret','metadata':{'name':'s','namespace':'default'},'data':{'password':'cw=='}}",
        "{'kind':'Secret','metadata':{'name':'s','namespace':'default'},'stringData':{'password':'s'}}",
        "{'kind':'Secret','metadata':{'name':'t','namespace':'default'},'type':'kubernetes.io/tls','data':{'tls.crt':'','tls.key':''}}",
        "{'kind':'Secret','metadata':{'name':'d','namespace':'default'},'type':'kubernetes.io/dockerconfigjson','stringData':{'.dockerconfigjson':'{\\\"auths\\\":{}}'}}",
        "{'kind':'Secret','metadata':{'name':'d','namespace':'default'},'type':'kubernetes.io/dockercfg','stringData':{'.dockercfg':'{}'}}",
        "{'kind':'Secret','metadata':{'name':'b','namespace':'default'},'type':'kubernetes.io/basic-auth','stringData':{'password':''}}",
        "{'kind':'Secret','metadata':{'name':'k','namespace':'default'},'type':'kubernetes.io/ssh-auth','stringData':{'ssh-privatekey':'k'}}",
        "{'kind':'Secret','metadata':{'name':'tok','namespace':'default','annotations':{'kubernetes.io/service-account.name':'default'}},'type':'kubernetes.io/service-account-token'}",
        "{'kind':'Secret','metadata':{'name':'bootstrap-token-abcdef','namespace':'kube-system'},'type':'bootstrap.kubernetes.io/token'}",
        "{'kind':'Secret','metadata':{'name':'c','namespace':'default'},'type':'example.com/custom'}",
        "{'kind':'ServiceAccount','metadata':{'name':'builder','namespace':'default'},'secrets':[{'name':'s'}],'imagePullSecrets':[{'name':'d'}]}"
      })
  void acceptsValidObjects(String json) {
    assertThat(Validation.validate(parse(json), null)).isEmpty();
  }

  static Stream<Arguments> rules() {
    String big = "x".repeat(1024 * 1024);
    String bigBase64 = Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]);
    return Stream.of(
        Arguments.of(
            "{'kind':'ConfigMap','metadata':{'name':'c','namespace':'default'},'data':{'a b':'x'}}",
            List.of(cause("data[a b]", "FieldValueInvalid", "Invalid value: \"a b\": " + KEY_MSG))),
        Arguments.of(
            "{'kind':'ConfigMap','metadata':{'name':'c','namespace':'default'},'binaryData':{'..x':'AA=='}}",
            List.of(
                cause(
                    "binaryData[..x]",
                    "FieldValueInvalid",
                    "Invalid value: \"..x\": must not start with '..'"))),
        Arguments.of(
            "{'kind':'ConfigMap','metadata':{'name':'c','namespace':'default'},'data':{'k':'x'},'binaryData':{'k':'AA=='}}",
            List.of(
                cause(
                    "data[k]",
                    "FieldValueInvalid",
                    "Invalid value: \"k\": duplicate of key present in binaryData"))),
        Arguments.of(
            "{'kind':'ConfigMap','metadata':{'name':'c','namespace':'default'},'data':{'a':'"
                + big
                + "','b':'y'}}",
            List.of(cause("[]", "FieldValueTooLong", MIB))),
        Arguments.of(
            "{'kind':'ConfigMap','metadata':{'name':'C','namespace':'default'}}",
            List.of(
                cause(
                    "metadata.name",
                    "FieldValueInvalid",
                    "Invalid value: \"C\": " + Cases.DNS1123_SUBDOMAIN_MSG))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'s','namespace':'default'},'stringData':{'.':'x'}}",
            List.of(
                cause("data[.]", "FieldValueInvalid", "Invalid value: \".\": must not be '.'"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'s','namespace':'default'},'data':{'a':'"
                + bigBase64
                + "'}}",
            List.of(cause("data", "FieldValueTooLong", MIB))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'t','namespace':'default'},'type':'kubernetes.io/tls','stringData':{'tls.crt':'c'}}",
            List.of(cause("data[tls.key]", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'t','namespace':'default'},'type':'kubernetes.io/tls'}",
            List.of(
                cause("data[tls.crt]", "FieldValueRequired", "Required value"),
                cause("data[tls.key]", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'d','namespace':'default'},'type':'kubernetes.io/dockerconfigjson'}",
            List.of(cause("data[.dockerconfigjson]", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'d','namespace':'default'},'type':'kubernetes.io/dockerconfigjson','stringData':{'.dockerconfigjson':'nope'}}",
            List.of(
                cause(
                    "data[.dockerconfigjson]",
                    "FieldValueInvalid",
                    "Invalid value: \"<secret contents redacted>\": invalid character 'n' looking"
                        + " for beginning of value"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'d','namespace':'default'},'type':'kubernetes.io/dockercfg','stringData':{'.dockercfg':''}}",
            List.of(
                cause(
                    "data[.dockercfg]",
                    "FieldValueInvalid",
                    "Invalid value: \"<secret contents redacted>\": unexpected end of JSON input"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'d','namespace':'default'},'type':'kubernetes.io/dockercfg','stringData':{'.dockercfg':'[1]'}}",
            List.of(
                cause(
                    "data[.dockercfg]",
                    "FieldValueInvalid",
                    "Invalid value: \"<secret contents redacted>\": json: cannot unmarshal array"
                        + " into Go value of type map[string]interface {}"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'b','namespace':'default'},'type':'kubernetes.io/basic-auth'}",
            List.of(
                cause("data[username]", "FieldValueRequired", "Required value"),
                cause("data[password]", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'k','namespace':'default'},'type':'kubernetes.io/ssh-auth','stringData':{'ssh-privatekey':''}}",
            List.of(cause("data[ssh-privatekey]", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'Secret','metadata':{'name':'tok','namespace':'default'},'type':'kubernetes.io/service-account-token'}",
            List.of(
                cause(
                    "metadata.annotations[kubernetes.io/service-account.name]",
                    "FieldValueRequired",
                    "Required value"))),
        Arguments.of(
            "{'kind':'ServiceAccount','metadata':{'name':'Builder','namespace':'default'}}",
            List.of(
                cause(
                    "metadata.name",
                    "FieldValueInvalid",
                    "Invalid value: \"Builder\": " + Cases.DNS1123_SUBDOMAIN_MSG))));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void reportsEachRuleWithKubernetesFieldReasonAndMessage(String json, List<StatusCause> expected) {
    Cases.assertCauses(Validation.validate(parse(json), null), expected);
  }

  static Stream<Arguments> updates() {
    String cm = "{'kind':'ConfigMap','metadata':{'name':'c','namespace':'default'}";
    String secret = "{'kind':'Secret','metadata':{'name':'s','namespace':'default'}";
    return Stream.of(
        Arguments.of(cm + ",'data':{'a':'1'}}", cm + ",'data':{'a':'2'}}", List.<StatusCause>of()),
        Arguments.of(
            cm + ",'immutable':true,'data':{'a':'1'}}",
            cm + ",'immutable':true,'data':{'a':'1'},'binaryData':{'b':'AA=='}}",
            List.of(cause("binaryData", "FieldValueForbidden", IMMUTABLE))),
        Arguments.of(
            cm + ",'immutable':true,'data':{'a':'1'}}",
            cm + ",'immutable':true,'data':{'a':'2'}}",
            List.of(cause("data", "FieldValueForbidden", IMMUTABLE))),
        Arguments.of(
            cm + ",'immutable':true,'data':{'a':'1'}}",
            cm + ",'data':{'a':'1'}}",
            List.of(cause("immutable", "FieldValueForbidden", IMMUTABLE))),
        Arguments.of(
            cm + ",'immutable':true}",
            "{'kind':'ConfigMap','metadata':{'name':'c','namespace':'default','labels':{'a':'b'}},'immutable':true}",
            List.<StatusCause>of()),
        Arguments.of(
            secret + ",'immutable':true,'data':{'a':'MQ=='}}",
            secret + ",'immutable':true,'stringData':{'a':'2'}}",
            List.of(cause("data", "FieldValueForbidden", IMMUTABLE))),
        Arguments.of(
            secret + ",'immutable':true,'data':{'a':'MQ=='}}",
            secret + ",'immutable':false,'stringData':{'a':'1'}}",
            List.of(cause("immutable", "FieldValueForbidden", IMMUTABLE))),
        Arguments.of(
            secret + ",'type':'kubernetes.io/basic-auth','stringData':{'username':'u'}}",
            secret + ",'stringData':{'username':'u'}}",
            List.of(
                cause(
                    "type",
                    "FieldValueInvalid",
                    "Invalid value: \"Opaque\": field is immutable"))));
  }

  @ParameterizedTest
  @MethodSource("updates")
  void updatesKeepImmutableDataAndSecretType(
      String oldJson, String newJson, List<StatusCause> expected) {
    Cases.assertCauses(Validation.validate(parse(newJson), parse(oldJson)), expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'kind':'Secret','metadata':{'name':'s','namespace':'default'},'data':{'a':'YQ==','b':'Yg=='},'stringData':{'a':'x'}}"
      })
  void stringDataIsFoldedIntoDataAndWinsThenDropped(String json) {
    Secret secret = (Secret) parse(json);
    assertThat(secret.stringData).isNull();
    assertThat(secret.type).isEqualTo("Opaque");
    assertThat(secret.data).containsEntry("a", "eA==").containsEntry("b", "Yg==");
  }

  static KubeObject parse(String single) {
    String json = single.replace('\'', '"');
    Class<? extends KubeObject> type =
        json.contains("\"kind\":\"ConfigMap\"")
            ? ConfigMap.class
            : json.contains("\"kind\":\"Secret\"") ? Secret.class : ServiceAccount.class;
    return Cases.parse(json, type);
  }
}
