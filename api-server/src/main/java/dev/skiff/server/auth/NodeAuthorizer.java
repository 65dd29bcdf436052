package dev.skiff.server.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * What a node ({@code system:node:NAME} in group {@link NodeTokens#NODES_GROUP}) may do, in front
 * of another authorizer that decides for everyone else: the node agent's own calls and those of the
 * service proxy and DNS server it hosts, close to Kubernetes' {@code system:node} and {@code
 * system:node-proxier} roles, and the kube-dns EndpointSlice of the node's DNS server. As
 * Kubernetes' Node authorizer, Leases only in {@code kube-node-lease} and only the node's own ("can
 * only access node lease with the same name as the requesting node"); which Node and pods a node
 * may write is {@link NodeRestriction}'s to check (as the NodeRestriction admission plugin). A node
 * may not delete Nodes. A refusal's reason follows the RBAC denial's text, as kube-apiserver's
 * union of the Node and RBAC authorizers gives it.
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
          rule(List.of("get", "list", "watch", "create", "update", "patch"), "", "nodes"),
          rule(WRITE, "", "nodes/status", "pods/status"),
          rule(List.of("create", "delete"), "", "pods"),
          rule(List.of("create"), "", "serviceaccounts/token", "pods/eviction"),
          rule(WRITE, "", "events"),
          rule(WRITE, "events.k8s.io", "events"));

  private static final List<String> LEASE_VERBS =
      List.of("get", "create", "update", "patch", "delete");

  private final Authorizer others;

  /**
   * @param others decides every request that is not a node's
   */
  public NodeAuthorizer(Authorizer others) {
    this.others = others;
  }

  @Override
  public Decision authorize(User user, Attributes a) {
    String node = NodeRestriction.nodeName(user);
    if (node == null || !a.resourceRequest()) {
      return others.authorize(user, a);
    }
    String reason;
    if (a.group().equals("coordination.k8s.io") && a.resource().equals("leases")) {
      reason = leaseDenial(node, a);
      if (reason == null) {
        return Decision.allow("");
      }
    } else if (allows(a)) {
      return Decision.allow("");
    } else {
      reason = "";
    }
    Decision other = others.authorize(user, a);
    if (other.allowed() || reason.isEmpty()) {
      return other;
    }
    return Decision.deny(other.reason().isEmpty() ? reason : reason + "\n" + other.reason());
  }

  /** authorizeLease: null when allowed, else why not. */
  private static String leaseDenial(String node, Attributes a) {
    if (!LEASE_VERBS.contains(a.verb())) {
      return "can only get, create, update, patch, or delete a node lease";
    }
    if (!a.namespace().equals(NodeRestriction.NODE_LEASE_NAMESPACE)) {
      return "can only access leases in the \""
          + NodeRestriction.NODE_LEASE_NAMESPACE
          + "\" system namespace";
    }
    if (!a.verb().equals("create") && !a.name().equals(node)) {
      return "can only access node lease with the same name as the requesting node";
    }
    return null;
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
    String node = NodeRestriction.nodeName(user);
    if (node != null && namespace.equals(NodeRestriction.NODE_LEASE_NAMESPACE)) {
      resources.add(
          new Rules.ResourceRule(
              LEASE_VERBS, List.of("coordination.k8s.io"), List.of("leases"), List.of(node)));
    }
    resources.addAll(base.resourceRules());
    return new Rules(resources, base.nonResourceRules(), base.incomplete());
  }

  private static Rules.ResourceRule rule(List<String> verbs, String group, String... resources) {
    return new Rules.ResourceRule(verbs, List.of(group), List.of(resources), List.of());
  }
}
