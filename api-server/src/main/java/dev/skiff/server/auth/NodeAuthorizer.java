package dev.skiff.server.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * What a node ({@code system:node:NAME} in group {@link NodeTokens#NODES_GROUP}) may do, in front
 * of another authorizer that decides for everyone else: the node agent's own calls and those of the
 * service proxy and DNS server it hosts, close to Kubernetes' {@code system:node} and {@code
 * system:node-proxier} roles, and the kube-dns EndpointSlice of the node's DNS server. Not yet
 * limited to the node's own objects (Kubernetes' Node authorizer and NodeRestriction admission):
 * any node may read what every node reads and write any Node and pod status.
 */
public final class NodeAuthorizer implements Authorizer {
  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> WRITE = List.of("create", "update", "patch");

  static final List<Rules.ResourceRule> NODE_RULES =
      List.of(
          rule(READ, "", "pods", "services", "endpoints", "nodes", "namespaces"),
          rule(READ, "", "configmaps", "secrets", "serviceaccounts"),
          rule(READ, "", "persistentvolumeclaims", "persistentvolumes"),
          rule(READ, "discovery.k8s.io", "endpointslices"),
          // the node's DNS server publishes itself as an endpoint of kube-dns (a slice per node)
          rule(
              List.of("create", "update", "patch", "delete"), "discovery.k8s.io", "endpointslices"),
          rule(List.of("get", "list", "watch", "create", "update", "patch", "delete"), "", "nodes"),
          rule(WRITE, "", "nodes/status", "pods/status"),
          rule(List.of("create", "delete"), "", "pods"),
          rule(List.of("create"), "", "serviceaccounts/token", "pods/eviction"),
          rule(WRITE, "", "events"),
          rule(WRITE, "events.k8s.io", "events"),
          rule(
              List.of("get", "list", "watch", "create", "update", "patch"),
              "coordination.k8s.io",
              "leases"));

  private final Authorizer others;

  /**
   * @param others decides every request that is not a node's
   */
  public NodeAuthorizer(Authorizer others) {
    this.others = others;
  }

  @Override
  public Decision authorize(User user, Attributes a) {
    if (user.inGroup(NodeTokens.NODES_GROUP) && a.resourceRequest() && allows(a)) {
      return Decision.allow("");
    }
    return others.authorize(user, a);
  }

  private static boolean allows(Attributes a) {
    String resource =
        a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    for (Rules.ResourceRule rule : NODE_RULES) {
      if (rule.apiGroups().contains(a.group())
          && rule.resources().contains(resource)
          && rule.verbs().contains(a.verb())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Rules rules(User user, String namespace) {
    Rules base = others.rules(user, namespace);
    if (!user.inGroup(NodeTokens.NODES_GROUP)) {
      return base;
    }
    List<Rules.ResourceRule> resources = new ArrayList<>(NODE_RULES);
    resources.addAll(base.resourceRules());
    return new Rules(resources, base.nonResourceRules(), base.incomplete());
  }

  private static Rules.ResourceRule rule(List<String> verbs, String group, String... resources) {
    return new Rules.ResourceRule(verbs, List.of(group), List.of(resources), List.of());
  }
}
