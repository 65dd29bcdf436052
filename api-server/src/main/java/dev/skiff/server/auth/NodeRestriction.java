package dev.skiff.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.http.Bodies;
import dev.skiff.server.patch.Patches;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kubernetes' NodeRestriction admission plugin, run before the write handlers for requests of a
 * node ({@code system:node:NAME} in {@link NodeTokens#NODES_GROUP}): a node may create and modify
 * only its own Node, and not with labels under {@code node-restriction.kubernetes.io/} or {@code
 * kubernetes.io}/{@code k8s.io} labels a kubelet does not set, nor change its taints; it may create
 * only mirror pods bound to itself, delete and evict only pods bound to itself, update the status
 * of those only, and create only its own Lease in {@code kube-node-lease}. Refusals are 403 with
 * kube-apiserver's texts ({@code nodes "b" is forbidden: node "a" is not allowed to modify node
 * "b"}).
 */
public final class NodeRestriction implements Handler<RoutingContext> {
  static final String MIRROR_POD = "kubernetes.io/config.mirror";
  static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

  /** k8s.io/kubelet/pkg/apis: the labels a kubelet may set on its Node. */
  private static final Set<String> KUBELET_LABELS =
      Set.of(
          "kubernetes.io/hostname",
          "topology.kubernetes.io/zone",
          "failure-domain.beta.kubernetes.io/zone",
          "topology.kubernetes.io/region",
          "failure-domain.beta.kubernetes.io/region",
          "node.kubernetes.io/instance-type",
          "beta.kubernetes.io/instance-type",
          "kubernetes.io/os",
          "kubernetes.io/arch",
          "beta.kubernetes.io/os",
          "beta.kubernetes.io/arch");

  private static final Set<String> KUBELET_LABEL_NAMESPACES =
      Set.of("kubelet.kubernetes.io", "node.kubernetes.io");

  private final ObjectRegistry registry;

  public NodeRestriction(ObjectRegistry registry) {
    this.registry = registry;
  }

  public void mount(Router router) {
    router.route().handler(this);
  }

  /** The node's name if {@code user} is a node, else null. */
  static String nodeName(User user) {
    if (!user.inGroup(NodeTokens.NODES_GROUP)
        || !user.username().startsWith(NodeTokens.USER_PREFIX)) {
      return null;
    }
    return user.username().substring(NodeTokens.USER_PREFIX.length());
  }

  @Override
  public void handle(RoutingContext ctx) {
    String node = nodeName(User.of(ctx));
    HttpMethod method = ctx.request().method();
    if (node == null || method == HttpMethod.GET || method == HttpMethod.HEAD) {
      ctx.next();
      return;
    }
    Attributes a = RequestAttributes.of(method, ctx.request().path(), false);
    if (!a.resourceRequest() || !a.group().isEmpty() && !a.group().equals("coordination.k8s.io")) {
      ctx.next();
      return;
    }
    Future<Void> admitted;
    try {
      admitted = admit(ctx, node, a);
    } catch (StatusException e) {
      admitted = Future.failedFuture(e);
    }
    admitted.onSuccess(v -> ctx.next()).onFailure(ctx::fail);
  }

  private Future<Void> admit(RoutingContext ctx, String node, Attributes a) {
    String resource = a.group() + "/" + a.resource();
    String sub = a.subresource();
    switch (resource) {
      case "/nodes":
        return sub.isEmpty() || sub.equals("status") ? admitNode(ctx, node, a) : ok();
      case "/pods":
        if (sub.isEmpty()) {
          return admitPod(ctx, node, a);
        }
        if (sub.equals("status")) {
          return admitPodStatus(node, a);
        }
        if (sub.equals("eviction")) {
          return admitEviction(node, a);
        }
        return ok();
      case "coordination.k8s.io/leases":
        return admitLease(ctx, node, a);
      default:
        return ok();
    }
  }

  private Future<Void> admitNode(RoutingContext ctx, String node, Attributes a) {
    if (a.verb().equals("create")) {
      ObjectNode body = Bodies.object(ctx);
      String name = body.path("metadata").path("name").asText("");
      if (!name.equals(node)) {
        return forbidden(
            a, name, "node \"" + node + "\" is not allowed to modify node \"" + name + "\"");
      }
      Set<String> labels = forbiddenLabels(modified(body, null));
      if (!labels.isEmpty()) {
        return forbidden(
            a,
            name,
            "node \""
                + node
                + "\" is not allowed to set the following labels: "
                + String.join(", ", labels));
      }
      return ok();
    }
    if (!a.name().equals(node)) {
      return forbidden(
          a, a.name(), "node \"" + node + "\" is not allowed to modify node \"" + a.name() + "\"");
    }
    if (!a.verb().equals("update") && !a.verb().equals("patch")) {
      return ok();
    }
    return registry
        .get(Resources.NODES, null, node)
        .compose(
            old -> {
              ObjectNode updated = updated(ctx, a, old, Resources.NODES);
              if (!taints(old).equals(taints(updated))) {
                return forbidden(a, node, "node \"" + node + "\" is not allowed to modify taints");
              }
              Set<String> labels = forbiddenLabels(modified(updated, old));
              if (!labels.isEmpty()) {
                return forbidden(
                    a, node, "is not allowed to modify labels: " + String.join(", ", labels));
              }
              return ok();
            });
  }

  private Future<Void> admitPod(RoutingContext ctx, String node, Attributes a) {
    switch (a.verb()) {
      case "create":
        {
          ObjectNode pod = Bodies.object(ctx);
          String name = pod.path("metadata").path("name").asText("");
          if (!pod.path("metadata").path("annotations").has(MIRROR_POD)) {
            return forbidden(
                a,
                name,
                "pod does not have \""
                    + MIRROR_POD
                    + "\" annotation, node \""
                    + node
                    + "\" can only create mirror pods");
          }
          if (!node.equals(pod.path("spec").path("nodeName").asText(""))) {
            return forbidden(
                a,
                name,
                "node \"" + node + "\" can only create pods with spec.nodeName set to itself");
          }
          return ok();
        }
      case "delete":
        return requireBound(
            node, a, "node \"" + node + "\" can only delete pods with spec.nodeName set to itself");
      default:
        return forbidden(
            a,
            a.name(),
            "unexpected operation \""
                + operation(a.verb())
                + "\", node \""
                + node
                + "\" can only create and delete mirror pods");
    }
  }

  private Future<Void> admitPodStatus(String node, Attributes a) {
    if (!a.verb().equals("update") && !a.verb().equals("patch")) {
      return forbidden(a, a.name(), "unexpected operation \"" + operation(a.verb()) + "\"");
    }
    return requireBound(
        node,
        a,
        "node \""
            + node
            + "\" can only update pod status for pods with spec.nodeName set to itself");
  }

  private Future<Void> admitEviction(String node, Attributes a) {
    if (!a.verb().equals("create")) {
      return forbidden(a, a.name(), "unexpected operation " + operation(a.verb()));
    }
    return requireBound(
        node, a, "node " + node + " can only evict pods with spec.nodeName set to itself");
  }

  private Future<Void> admitLease(RoutingContext ctx, String node, Attributes a) {
    if (!a.namespace().equals(NODE_LEASE_NAMESPACE)) {
      return forbidden(
          a,
          a.name(),
          "can only access leases in the \"" + NODE_LEASE_NAMESPACE + "\" system namespace");
    }
    String name =
        a.verb().equals("create")
            ? Bodies.object(ctx).path("metadata").path("name").asText("")
            : a.name();
    if (!name.equals(node)) {
      return forbidden(
          a, name, "can only access node lease with the same name as the requesting node");
    }
    return ok();
  }

  /**
   * Refuses with {@code reason} unless the request's pod is bound to {@code node}; a missing pod is
   * left to the handler (its 404).
   */
  private Future<Void> requireBound(String node, Attributes a, String reason) {
    return registry
        .get(Resources.PODS, a.namespace(), a.name())
        .map(pod -> node.equals(pod.path("spec").path("nodeName").asText("")))
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture(true) : Future.failedFuture(e))
        .compose(bound -> bound ? ok() : forbidden(a, a.name(), reason));
  }

  /** The object a PUT or PATCH would store. */
  private static ObjectNode updated(
      RoutingContext ctx, Attributes a, ObjectNode old, ResourceType type) {
    if (a.verb().equals("update")) {
      return Bodies.object(ctx);
    }
    return Patches.apply(old, Bodies.patch(ctx), Bodies.patchType(ctx), type);
  }

  /** The node's taints; none, null and [] alike (apiequality.Semantic). */
  private static JsonNode taints(JsonNode node) {
    JsonNode taints = node.path("spec").path("taints");
    return taints.isArray() && !taints.isEmpty()
        ? taints
        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The label keys added, removed or changed between {@code now} and {@code before}. */
  static Set<String> modified(JsonNode now, JsonNode before) {
    Map<String, String> a = labels(now);
    Map<String, String> b = before == null ? Map.of() : labels(before);
    Set<String> keys = new TreeSet<>();
    a.forEach(
        (k, v) -> {
          if (!v.equals(b.get(k))) {
            keys.add(k);
          }
        });
    b.forEach(
        (k, v) -> {
          if (!v.equals(a.get(k))) {
            keys.add(k);
          }
        });
    return keys;
  }

  private static Map<String, String> labels(JsonNode object) {
    Map<String, String> labels = new java.util.HashMap<>();
    JsonNode node = object.path("metadata").path("labels");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      labels.put(e.getKey(), e.getValue().asText());
    }
    return labels;
  }

  /** getForbiddenLabels: node-restriction labels and kubernetes.io/k8s.io labels of others. */
  static Set<String> forbiddenLabels(Set<String> modified) {
    Set<String> forbidden = new TreeSet<>();
    for (String label : modified) {
      String namespace = label.contains("/") ? label.substring(0, label.indexOf('/')) : "";
      if (within(namespace, "node-restriction.kubernetes.io")) {
        forbidden.add(label);
      }
      boolean kubernetes = within(namespace, "kubernetes.io") || within(namespace, "k8s.io");
      if (kubernetes && !isKubeletLabel(label, namespace)) {
        forbidden.add(label);
      }
    }
    return forbidden;
  }

  private static boolean isKubeletLabel(String label, String namespace) {
    return KUBELET_LABELS.contains(label)
        || KUBELET_LABEL_NAMESPACES.stream().anyMatch(allowed -> within(namespace, allowed));
  }

  private static boolean within(String namespace, String domain) {
    return namespace.equals(domain) || namespace.endsWith("." + domain);
  }

  /** admission.Operation's name for a verb. */
  private static String operation(String verb) {
    return switch (verb) {
      case "create" -> "CREATE";
      case "update", "patch" -> "UPDATE";
      case "delete", "deletecollection" -> "DELETE";
      default -> "CONNECT";
    };
  }

  private static Future<Void> ok() {
    return Future.succeededFuture();
  }

  /** admission.NewForbidden: {@code RESOURCE "NAME" is forbidden: REASON}. */
  private static Future<Void> forbidden(Attributes a, String name, String reason) {
    String groupResource = a.group().isEmpty() ? a.resource() : a.resource() + "." + a.group();
    String message =
        groupResource + (name.isEmpty() ? "" : " \"" + name + "\"") + " is forbidden: " + reason;
    return Future.failedFuture(
        new StatusException(
            Status.failure(
                403, Reason.FORBIDDEN, message, StatusDetails.of(a.group(), a.resource(), name))));
  }
}
