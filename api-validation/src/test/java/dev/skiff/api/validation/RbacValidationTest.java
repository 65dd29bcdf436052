package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleBinding;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Role, ClusterRole, RoleBinding, ClusterRoleBinding: one manifest per row, valid or with one
 * problem, with Kubernetes' field paths and messages; bindings' defaults and immutable roleRef.
 */
class RbacValidationTest {
  private static final String GROUP = "\"rbac.authorization.k8s.io\"";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'kind':'Role','metadata':{'name':'pod-reader','namespace':'default'},'rules':[{'apiGroups':[''],'resources':['pods','pods/log'],'verbs':['get','list']}]}",
        "{'kind':'Role','metadata':{'name':'empty','namespace':'default'}}",
        "{'kind':'ClusterRole','metadata':{'name':'system:basic-user'},'rules':[{'nonResourceURLs':['/healthz','/api/*'],'verbs':['get']}]}",
        "{'kind':'ClusterRole','metadata':{'name':'agg'},'aggregationRule':{'clusterRoleSelectors':[{'matchLabels':{'a':'b'}}]}}",
        "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'ClusterRole','name':'view'},'subjects':[{'kind':'ServiceAccount','name':'default'},{'kind':'User','name':'jane'},{'kind':'Group','name':'devs'}]}",
        "{'kind':'ClusterRoleBinding','metadata':{'name':'crb'},'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'ClusterRole','name':'view'},'subjects':[{'kind':'ServiceAccount','name':'default','namespace':'ns'}]}"
      })
  void acceptsValidObjects(String json) {
    assertThat(Validation.validate(parse(json), null)).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            "{'kind':'Role','metadata':{'name':'r','namespace':'default'},'rules':[{'apiGroups':['']}]}",
            List.of(
                cause(
                    "rules[0].verbs",
                    "FieldValueRequired",
                    "Required value: verbs must contain at least one value"),
                cause(
                    "rules[0].resources",
                    "FieldValueRequired",
                    "Required value: resource rules must supply at least one resource"))),
        Arguments.of(
            "{'kind':'Role','metadata':{'name':'r','namespace':'default'},'rules':[{'resources':['pods'],'verbs':['get']}]}",
            List.of(
                cause(
                    "rules[0].apiGroups",
                    "FieldValueRequired",
                    "Required value: resource rules must supply at least one api group"))),
        Arguments.of(
            "{'kind':'Role','metadata':{'name':'r','namespace':'default'},'rules':[{'nonResourceURLs':['/x'],'verbs':['get']}]}",
            List.of(
                cause(
                    "rules[0].nonResourceURLs",
                    "FieldValueInvalid",
                    "Invalid value: []string{\"/x\"}: namespaced rules cannot apply to non-resource URLs"))),
        Arguments.of(
            "{'kind':'ClusterRole','metadata':{'name':'c'},'rules':[{'nonResourceURLs':['/x'],'resources':['pods'],'verbs':['get']}]}",
            List.of(
                cause(
                    "rules[0].nonResourceURLs",
                    "FieldValueInvalid",
                    "Invalid value: []string{\"/x\"}: rules cannot apply to both regular resources and non-resource URLs"))),
        Arguments.of(
            "{'kind':'ClusterRole','metadata':{'name':'a/b'}}",
            List.of(
                cause(
                    "metadata.name",
                    "FieldValueInvalid",
                    "Invalid value: \"a/b\": may not contain '/'"))),
        Arguments.of(
            "{'kind':'ClusterRole','metadata':{'name':'agg'},'aggregationRule':{}}",
            List.of(
                cause(
                    "aggregationRule.clusterRoleSelectors",
                    "FieldValueRequired",
                    "Required value: at least one clusterRoleSelector required if aggregationRule is non-nil"))),
        Arguments.of(
            "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'Secret','name':'view'}}",
            List.of(
                cause(
                    "roleRef.kind",
                    "FieldValueNotSupported",
                    "Unsupported value: \"Secret\": supported values: \"Role\", \"ClusterRole\""))),
        Arguments.of(
            "{'kind':'ClusterRoleBinding','metadata':{'name':'crb'},'roleRef':{'kind':'Role','name':'view'}}",
            List.of(
                cause(
                    "roleRef.kind",
                    "FieldValueNotSupported",
                    "Unsupported value: \"Role\": supported values: \"ClusterRole\""))),
        Arguments.of(
            "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'apiGroup':'apps','kind':'Role','name':'x'}}",
            List.of(
                cause(
                    "roleRef.apiGroup",
                    "FieldValueNotSupported",
                    "Unsupported value: \"apps\": supported values: " + GROUP))),
        Arguments.of(
            "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'Role'}}",
            List.of(cause("roleRef.name", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'ClusterRoleBinding','metadata':{'name':'crb'},'roleRef':{'kind':'ClusterRole','name':'v'},'subjects':[{'kind':'ServiceAccount','name':'default'}]}",
            List.of(cause("subjects[0].namespace", "FieldValueRequired", "Required value"))),
        Arguments.of(
            "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'Role','name':'r'},'subjects':[{'kind':'Robot','name':'x'}]}",
            List.of(
                cause(
                    "subjects[0].kind",
                    "FieldValueNotSupported",
                    "Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\""))),
        Arguments.of(
            "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'Role','name':'r'},'subjects':[{'kind':'User','apiGroup':'x','name':'jane'}]}",
            List.of(
                cause(
                    "subjects[0].apiGroup",
                    "FieldValueNotSupported",
                    "Unsupported value: \"x\": supported values: " + GROUP))),
        Arguments.of(
            "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'Role','name':'r'},'subjects':[{'kind':'Group'}]}",
            List.of(cause("subjects[0].name", "FieldValueRequired", "Required value"))));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void reportsEachRuleWithKubernetesFieldReasonAndMessage(String json, List<StatusCause> expected) {
    Cases.assertCauses(Validation.validate(parse(json), null), expected);
  }

  @Test
  void aBindingsRoleRefCannotChange() {
    String before =
        "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'ClusterRole','name':'view'}}";
    String after =
        "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'ClusterRole','name':'edit'}}";

    Cases.assertCauses(
        Validation.validate(parse(after), parse(before)),
        List.of(
            cause(
                "roleRef",
                "FieldValueInvalid",
                "Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\","
                    + " Name:\"edit\"}: cannot change roleRef")));
  }

  @Test
  void bindingsDefaultTheirApiGroups() {
    RoleBinding b =
        (RoleBinding)
            parse(
                "{'kind':'RoleBinding','metadata':{'name':'rb','namespace':'default'},'roleRef':{'kind':'ClusterRole','name':'view'},'subjects':[{'kind':'ServiceAccount','name':'default'},{'kind':'User','name':'jane'}]}");

    assertThat(b.roleRef.apiGroup).isEqualTo("rbac.authorization.k8s.io");
    assertThat(b.subjects.get(0).apiGroup).isNull();
    assertThat(b.subjects.get(1).apiGroup).isEqualTo("rbac.authorization.k8s.io");
  }

  static KubeObject parse(String single) {
    String json = single.replace('\'', '"');
    Class<? extends KubeObject> type;
    if (json.contains("\"kind\":\"RoleBinding\"")) {
      type = RoleBinding.class;
    } else if (json.contains("\"kind\":\"ClusterRoleBinding\"")) {
      type = ClusterRoleBinding.class;
    } else if (json.contains("\"kind\":\"ClusterRole\"")) {
      type = ClusterRole.class;
    } else {
      type = Role.class;
    }
    return Cases.parse(json, type);
  }
}
