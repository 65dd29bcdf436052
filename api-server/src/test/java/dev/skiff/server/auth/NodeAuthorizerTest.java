package dev.skiff.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.auth.rbac.RbacAuthorizer;
import dev.skiff.server.auth.rbac.RbacPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeAuthorizerTest {
  private static final User NODE_A =
      new User("system:node:a", "", List.of(NodeTokens.NODES_GROUP, User.AUTHENTICATED));
  private static final User NOT_A_NODE = new User("jane", "", List.of(User.AUTHENTICATED));

  private final NodeAuthorizer authorizer =
      new NodeAuthorizer(new RbacAuthorizer(new RbacPolicy()));

  @ParameterizedTest(name = "{0} {1}/{2} {3}/{4}: {5}")
  @CsvSource({
    // verb, group, resource, subresource, namespace, name, allowed
    "get, '', pods, '', default, web, true",
    "watch, '', pods, '', '', '', true",
    "create, '', pods, '', default, '', true",
    "delete, '', pods, '', default, web, true",
    "update, '', pods, '', default, web, false",
    "patch, '', pods, status, default, web, true",
    "create, '', pods, eviction, default, web, true",
    "list, '', nodes, '', '', '', true",
    "patch, '', nodes, '', '', b, true",
    "patch, '', nodes, status, '', b, true",
    "delete, '', nodes, '', '', a, false",
    "create, '', events, '', default, '', true",
    "list, '', services, '', '', '', true",
    "create, '', namespaces, '', '', '', false",
    "get, coordination.k8s.io, leases, '', kube-node-lease, a, true",
    "update, coordination.k8s.io, leases, '', kube-node-lease, a, true",
    "create, coordination.k8s.io, leases, '', kube-node-lease, '', true",
    "get, coordination.k8s.io, leases, '', kube-node-lease, b, false",
    "get, coordination.k8s.io, leases, '', kube-system, a, false",
    "list, coordination.k8s.io, leases, '', kube-node-lease, '', false",
  })
  void aNodeMayDoWhatAKubeletDoes(
      String verb,
      String group,
      String resource,
      String subresource,
      String namespace,
      String name,
      boolean allowed) {
    Attributes a = Attributes.resource(verb, group, resource, subresource, namespace, name);
    assertThat(authorizer.authorize(NODE_A, a).allowed()).isEqualTo(allowed);
    assertThat(authorizer.authorize(NOT_A_NODE, a).allowed()).isFalse();
  }

  @Test
  void aLeaseRefusalSaysWhyAsTheNodeAuthorizerDoes() {
    Attributes other =
        Attributes.resource("get", "coordination.k8s.io", "leases", "", "kube-node-lease", "b");
    Decision d = authorizer.authorize(NODE_A, other);
    assertThat(d.reason())
        .isEqualTo("can only access node lease with the same name as the requesting node");
    assertThat(AuthorizationHandler.forbidden(NODE_A, other, d.reason()).status().message)
        .isEqualTo(
            "leases.coordination.k8s.io \"b\" is forbidden: User \"system:node:a\" cannot get"
                + " resource \"leases\" in API group \"coordination.k8s.io\" in the namespace"
                + " \"kube-node-lease\": can only access node lease with the same name as the"
                + " requesting node");
    Decision elsewhere =
        authorizer.authorize(
            NODE_A,
            Attributes.resource("create", "coordination.k8s.io", "leases", "", "default", ""));
    assertThat(elsewhere.reason())
        .isEqualTo("can only access leases in the \"kube-node-lease\" system namespace");
  }

  @Test
  void theNodesLeaseRuleNamesItsOwnLeaseOnly() {
    Rules rules = authorizer.rules(NODE_A, "kube-node-lease");
    assertThat(rules.resourceRules())
        .anySatisfy(
            r -> {
              assertThat(r.resources()).containsExactly("leases");
              assertThat(r.names()).containsExactly("a");
            });
  }

  @Test
  void aNodeMaySetTheLabelsAKubeletSetsAndNoOthersOfKubernetes() {
    assertThat(
            NodeRestriction.forbiddenLabels(
                Set.of(
                    "kubernetes.io/hostname",
                    "kubernetes.io/os",
                    "beta.kubernetes.io/arch",
                    "topology.kubernetes.io/zone",
                    "node.kubernetes.io/instance-type",
                    "node.kubernetes.io/anything",
                    "kubelet.kubernetes.io/x",
                    "example.com/mine",
                    "plain")))
        .isEmpty();
    assertThat(
            NodeRestriction.forbiddenLabels(
                Set.of(
                    "node-restriction.kubernetes.io/pool",
                    "team.node-restriction.kubernetes.io/x",
                    "node-role.kubernetes.io/control-plane",
                    "kubernetes.io/role",
                    "k8s.io/x",
                    "sub.k8s.io/y")))
        .containsExactly(
            "k8s.io/x",
            "kubernetes.io/role",
            "node-restriction.kubernetes.io/pool",
            "node-role.kubernetes.io/control-plane",
            "sub.k8s.io/y",
            "team.node-restriction.kubernetes.io/x");
  }
}
