package dev.skiff.server.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleBinding;
import dev.skiff.api.model.rbac.RoleRef;
import dev.skiff.api.model.rbac.Subject;
import dev.skiff.server.auth.Attributes;
import dev.skiff.server.auth.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RbacAuthorizerTest {
  private static final User SERVICE_ACCOUNT =
      new User(
          "system:serviceaccount:ns:sa",
          "uid",
          List.of("system:serviceaccounts", "system:serviceaccounts:ns", User.AUTHENTICATED));

  private final RbacPolicy policy = bootstrapped();
  private final RbacAuthorizer authorizer = new RbacAuthorizer(policy);

  static RbacPolicy bootstrapped() {
    RbacPolicy policy = new RbacPolicy();
    PolicyBootstrap.withAggregatedRules(BootstrapPolicy.clusterRoles()).forEach(policy::put);
    BootstrapPolicy.clusterRoleBindings().forEach(policy::put);
    return policy;
  }

  @ParameterizedTest(name = "{0} {1} {2}/{3} {4}: {5}")
  @CsvSource({
    // who, verb, group, resource, path (non-resource when resource is empty), allowed
    "admin, list, '', pods, '', true",
    "admin, delete, apps, deployments, '', true",
    "admin, get, '', '', /metrics, true",
    "sa, create, authentication.k8s.io, selfsubjectreviews, '', true",
    "sa, create, authorization.k8s.io, selfsubjectaccessreviews, '', true",
    "sa, create, authorization.k8s.io, selfsubjectrulesreviews, '', true",
    "sa, get, '', '', /api, true",
    "sa, get, '', '', /apis/apps/v1, true",
    "sa, get, '', '', /openapi/v3, true",
    "sa, get, '', '', /version, true",
    "sa, list, '', pods, '', false",
    "sa, create, '', configmaps, '', false",
    "sa, get, '', '', /metrics, false",
    "anonymous, get, '', '', /healthz, true",
    "anonymous, get, '', '', /api, false",
    "anonymous, create, authentication.k8s.io, selfsubjectreviews, '', false",
  })
  void grantsWhatKubernetesDefaultBindingsGrant(
      String who, String verb, String group, String resource, String path, boolean allowed) {
    User user =
        switch (who) {
          case "admin" -> User.ADMIN;
          case "sa" -> SERVICE_ACCOUNT;
          default -> User.ANONYMOUS;
        };
    Attributes a =
        resource.isEmpty()
            ? Attributes.nonResource(verb, path)
            : Attributes.resource(verb, group, resource, "", "ns", "");
    assertThat(authorizer.authorize(user, a).allowed()).isEqualTo(allowed);
  }

  @Test
  void aRoleBindingGrantsItsRoleInItsNamespaceOnlyAndSaysWhichBindingAllowed() {
    Role reader = new Role();
    reader.meta().name = "pod-reader";
    reader.meta().namespace = "ns";
    reader.rules =
        List.of(PolicyRule.resources(List.of("get", "list"), List.of(""), List.of("pods")));
    policy.put(reader);
    policy.put(binding("read-pods", "ns", "Role", "pod-reader", sa("sa", null)));

    var allowed =
        authorizer.authorize(
            SERVICE_ACCOUNT, Attributes.resource("list", "", "pods", "", "ns", ""));
    assertThat(allowed.allowed()).isTrue();
    assertThat(allowed.reason())
        .isEqualTo(
            "RBAC: allowed by RoleBinding \"read-pods/ns\" of Role \"pod-reader\" to"
                + " ServiceAccount \"sa/ns\"");
    assertThat(
            authorizer
                .authorize(
                    SERVICE_ACCOUNT, Attributes.resource("list", "", "pods", "", "other", ""))
                .allowed())
        .isFalse();
    assertThat(
            authorizer
                .authorize(
                    SERVICE_ACCOUNT, Attributes.resource("delete", "", "pods", "", "ns", "x"))
                .allowed())
        .isFalse();
  }

  @Test
  void resourceNamesSubresourcesAndWildcardsMatchAsInKubernetes() {
    ClusterRole role = new ClusterRole();
    role.meta().name = "narrow";
    PolicyRule named = PolicyRule.resources(List.of("get"), List.of(""), List.of("configmaps"));
    named.resourceNames = List.of("settings");
    role.rules =
        List.of(
            named,
            PolicyRule.resources(List.of("get"), List.of(""), List.of("pods/log")),
            PolicyRule.resources(List.of("*"), List.of("apps"), List.of("*/scale")),
            PolicyRule.urls(List.of("get"), List.of("/logs/*")));
    policy.put(role);
    var b = new dev.skiff.api.model.rbac.ClusterRoleBinding();
    b.meta().name = "narrow";
    b.roleRef = new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "narrow");
    b.subjects =
        List.of(
            new Subject("Group", "rbac.authorization.k8s.io", "system:serviceaccounts:ns", null));
    policy.put(b);

    assertThat(allowed(Attributes.resource("get", "", "configmaps", "", "x", "settings"))).isTrue();
    assertThat(allowed(Attributes.resource("get", "", "configmaps", "", "x", "other"))).isFalse();
    assertThat(allowed(Attributes.resource("list", "", "configmaps", "", "x", ""))).isFalse();
    assertThat(allowed(Attributes.resource("get", "", "pods", "log", "x", "web"))).isTrue();
    assertThat(allowed(Attributes.resource("get", "", "pods", "", "x", "web"))).isFalse();
    assertThat(allowed(Attributes.resource("update", "apps", "deployments", "scale", "x", "d")))
        .isTrue();
    assertThat(allowed(Attributes.resource("update", "apps", "deployments", "", "x", "d")))
        .isFalse();
    assertThat(allowed(Attributes.nonResource("get", "/logs/kubelet.log"))).isTrue();
    assertThat(allowed(Attributes.nonResource("post", "/logs/kubelet.log"))).isFalse();
  }

  @Test
  void aBindingToAMissingRoleIsReportedInTheDenial() {
    policy.put(binding("ghost", "ns", "ClusterRole", "nope", sa("sa", "ns")));

    var denied =
        authorizer.authorize(
            SERVICE_ACCOUNT, Attributes.resource("list", "", "pods", "", "ns", ""));

    assertThat(denied.allowed()).isFalse();
    assertThat(denied.reason())
        .isEqualTo("RBAC: clusterrole.rbac.authorization.k8s.io \"nope\" not found");
  }

  @Test
  void rulesListWhatTheBindingsGrant() {
    policy.put(binding("view", "ns", "ClusterRole", "view", sa("sa", "ns")));

    var rules = authorizer.rules(SERVICE_ACCOUNT, "ns");

    assertThat(rules.resourceRules())
        .anySatisfy(r -> assertThat(r.resources()).contains("pods", "configmaps"));
    assertThat(rules.nonResourceRules()).anySatisfy(r -> assertThat(r.urls()).contains("/api"));
    assertThat(rules.incomplete()).isFalse();
    assertThat(authorizer.rules(SERVICE_ACCOUNT, "other").resourceRules())
        .noneSatisfy(r -> assertThat(r.resources()).contains("pods"));
  }

  private boolean allowed(Attributes a) {
    return authorizer.authorize(SERVICE_ACCOUNT, a).allowed();
  }

  private static Subject sa(String name, String namespace) {
    return new Subject("ServiceAccount", null, name, namespace);
  }

  static RoleBinding binding(
      String name, String namespace, String kind, String role, Subject... subjects) {
    RoleBinding b = new RoleBinding();
    b.meta().name = name;
    b.meta().namespace = namespace;
    b.roleRef = new RoleRef("rbac.authorization.k8s.io", kind, role);
    b.subjects = List.of(subjects);
    return b;
  }
}
