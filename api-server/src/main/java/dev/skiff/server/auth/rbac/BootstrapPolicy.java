package dev.skiff.server.auth.rbac;

import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.rbac.AggregationRule;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.model.rbac.RoleRef;
import dev.skiff.api.model.rbac.Subject;
import dev.skiff.server.auth.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default ClusterRoles and ClusterRoleBindings kube-apiserver bootstraps (bootstrappolicy), for
 * the kinds Skiff serves and the identities it has: {@code cluster-admin} bound to {@code
 * system:masters}; the aggregated {@code admin}, {@code edit} and {@code view} with their {@code
 * system:aggregate-to-*} parts and labels; {@code system:basic-user} and {@code system:discovery}
 * for every authenticated user, {@code system:public-info-viewer} for everyone; {@code
 * system:auth-delegator} and {@code system:monitoring}. Each carries the {@code
 * kubernetes.io/bootstrapping: rbac-defaults} label and the autoupdate annotation.
 */
public final class BootstrapPolicy {
  public static final String AUTOUPDATE = "rbac.authorization.kubernetes.io/autoupdate";
  public static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";
  static final Map<String, String> LABEL = Map.of("kubernetes.io/bootstrapping", "rbac-defaults");

  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> WRITE =
      List.of("create", "delete", "deletecollection", "patch", "update");
  private static final List<String> READ_WRITE =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> PUBLIC_INFO =
      List.of("/healthz", "/livez", "/readyz", "/version", "/version/");

  private BootstrapPolicy() {}

  public static List<ClusterRole> clusterRoles() {
    List<ClusterRole> roles = new ArrayList<>();
    roles.add(aggregated("admin", "admin", null));
    roles.add(
        role(
            "cluster-admin",
            null,
            rule(List.of("*"), List.of("*"), List.of("*")),
            PolicyRule.urls(List.of("*"), List.of("*"))));
    roles.add(aggregated("edit", "edit", "admin"));
    roles.add(
        role(
            "system:aggregate-to-admin",
            "admin",
            rule(
                List.of("create"),
                List.of("authorization.k8s.io"),
                List.of("localsubjectaccessreviews")),
            rule(
                READ_WRITE,
                List.of("rbac.authorization.k8s.io"),
                List.of("rolebindings", "roles"))));
    roles.add(
        role(
            "system:aggregate-to-edit",
            "edit",
            rule(
                READ,
                List.of(""),
                List.of(
                    "pods/attach",
                    "pods/exec",
                    "pods/portforward",
                    "pods/proxy",
                    "secrets",
                    "services/proxy")),
            rule(List.of("impersonate"), List.of(""), List.of("serviceaccounts")),
            rule(
                WRITE,
                List.of(""),
                List.of("pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy")),
            rule(List.of("create"), List.of(""), List.of("pods/eviction")),
            rule(
                WRITE,
                List.of(""),
                List.of(
                    "configmaps",
                    "events",
                    "persistentvolumeclaims",
                    "replicationcontrollers",
                    "replicationcontrollers/scale",
                    "secrets",
                    "serviceaccounts",
                    "services",
                    "services/proxy")),
            rule(List.of("create"), List.of(""), List.of("serviceaccounts/token")),
            rule(
                WRITE,
                List.of("apps"),
                List.of(
                    "daemonsets",
                    "deployments",
                    "deployments/rollback",
                    "deployments/scale",
                    "replicasets",
                    "replicasets/scale",
                    "statefulsets",
                    "statefulsets/scale")),
            rule(WRITE, List.of("autoscaling"), List.of("horizontalpodautoscalers")),
            rule(WRITE, List.of("batch"), List.of("cronjobs", "jobs")),
            rule(
                WRITE,
                List.of("extensions"),
                List.of(
                    "daemonsets",
                    "deployments",
                    "deployments/rollback",
                    "deployments/scale",
                    "ingresses",
                    "networkpolicies",
                    "replicasets",
                    "replicasets/scale",
                    "replicationcontrollers/scale")),
            rule(WRITE, List.of("policy"), List.of("poddisruptionbudgets")),
            rule(WRITE, List.of("networking.k8s.io"), List.of("ingresses", "networkpolicies")),
            rule(READ_WRITE, List.of("coordination.k8s.io"), List.of("leases"))));
    roles.add(
        role(
            "system:aggregate-to-view",
            "view",
            rule(
                READ,
                List.of(""),
                List.of(
                    "configmaps",
                    "endpoints",
                    "persistentvolumeclaims",
                    "persistentvolumeclaims/status",
                    "pods",
                    "replicationcontrollers",
                    "replicationcontrollers/scale",
                    "serviceaccounts",
                    "services",
                    "services/status")),
            rule(
                READ,
                List.of(""),
                List.of(
                    "bindings",
                    "events",
                    "limitranges",
                    "namespaces/status",
                    "pods/log",
                    "pods/status",
                    "replicationcontrollers/status",
                    "resourcequotas",
                    "resourcequotas/status")),
            rule(READ, List.of(""), List.of("namespaces")),
            rule(READ, List.of("discovery.k8s.io"), List.of("endpointslices")),
            rule(
                READ,
                List.of("apps"),
                List.of(
                    "controllerrevisions",
                    "daemonsets",
                    "daemonsets/status",
                    "deployments",
                    "deployments/scale",
                    "deployments/status",
                    "replicasets",
                    "replicasets/scale",
                    "replicasets/status",
                    "statefulsets",
                    "statefulsets/scale",
                    "statefulsets/status")),
            rule(
                READ,
                List.of("autoscaling"),
                List.of("horizontalpodautoscalers", "horizontalpodautoscalers/status")),
            rule(
                READ,
                List.of("batch"),
                List.of("cronjobs", "cronjobs/status", "jobs", "jobs/status")),
            rule(
                READ,
                List.of("extensions"),
                List.of(
                    "daemonsets",
                    "daemonsets/status",
                    "deployments",
                    "deployments/scale",
                    "deployments/status",
                    "ingresses",
                    "ingresses/status",
                    "networkpolicies",
                    "replicasets",
                    "replicasets/scale",
                    "replicasets/status",
                    "replicationcontrollers/scale")),
            rule(
                READ,
                List.of("policy"),
                List.of("poddisruptionbudgets", "poddisruptionbudgets/status")),
            rule(
                READ,
                List.of("networking.k8s.io"),
                List.of("ingresses", "ingresses/status", "networkpolicies"))));
    roles.add(
        role(
            "system:auth-delegator",
            null,
            rule(List.of("create"), List.of("authentication.k8s.io"), List.of("tokenreviews")),
            rule(
                List.of("create"),
                List.of("authorization.k8s.io"),
                List.of("subjectaccessreviews"))));
    roles.add(
        role(
            "system:basic-user",
            null,
            rule(
                List.of("create"),
                List.of("authorization.k8s.io"),
                List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews")),
            rule(
                List.of("create"),
                List.of("authentication.k8s.io"),
                List.of("selfsubjectreviews"))));
    roles.add(
        role(
            "system:discovery",
            null,
            PolicyRule.urls(
                List.of("get"),
                List.of(
                    "/api",
                    "/api/*",
                    "/apis",
                    "/apis/*",
                    "/healthz",
                    "/livez",
                    "/openapi",
                    "/openapi/*",
                    "/readyz",
                    "/version",
                    "/version/"))));
    roles.add(
        role(
            "system:monitoring",
            null,
            PolicyRule.urls(
                List.of("get"),
                List.of(
                    "/healthz",
                    "/healthz/*",
                    "/livez",
                    "/livez/*",
                    "/metrics",
                    "/metrics/slis",
                    "/readyz",
                    "/readyz/*"))));
    roles.add(
        role("system:public-info-viewer", null, PolicyRule.urls(List.of("get"), PUBLIC_INFO)));
    roles.add(aggregated("view", "view", "edit"));
    return roles;
  }

  public static List<ClusterRoleBinding> clusterRoleBindings() {
    return List.of(
        binding("cluster-admin", group(User.MASTERS)),
        binding("system:basic-user", group(User.AUTHENTICATED)),
        binding("system:discovery", group(User.AUTHENTICATED)),
        binding("system:monitoring", group("system:monitoring")),
        binding(
            "system:public-info-viewer", group(User.AUTHENTICATED), group(User.UNAUTHENTICATED)));
  }

  private static PolicyRule rule(List<String> verbs, List<String> groups, List<String> resources) {
    return PolicyRule.resources(verbs, groups, resources);
  }

  /** A role with rules; {@code aggregateTo} adds the aggregate-to-X label. */
  private static ClusterRole role(String name, String aggregateTo, PolicyRule... rules) {
    ClusterRole role = new ClusterRole();
    meta(role.meta(), name, aggregateTo);
    role.rules = List.of(rules);
    return role;
  }

  /** admin, edit, view: the rules of the roles labelled aggregate-to-{@code selects}. */
  private static ClusterRole aggregated(String name, String selects, String aggregateTo) {
    ClusterRole role = new ClusterRole();
    meta(role.meta(), name, aggregateTo);
    role.aggregationRule = new AggregationRule();
    role.aggregationRule.clusterRoleSelectors =
        List.of(new LabelSelector(Map.of(AGGREGATE_TO + selects, "true")));
    return role;
  }

  private static void meta(
      dev.skiff.api.model.meta.ObjectMeta meta, String name, String aggregateTo) {
    meta.name = name;
    Map<String, String> labels = new LinkedHashMap<>(LABEL);
    if (aggregateTo != null) {
      labels.put(AGGREGATE_TO + aggregateTo, "true");
    }
    meta.labels = labels;
    meta.annotations = Map.of(AUTOUPDATE, "true");
  }

  private static Subject group(String name) {
    return new Subject(Subject.GROUP, "rbac.authorization.k8s.io", name, null);
  }

  private static ClusterRoleBinding binding(String role, Subject... subjects) {
    ClusterRoleBinding b = new ClusterRoleBinding();
    meta(b.meta(), role, null);
    b.roleRef = new RoleRef("rbac.authorization.k8s.io", ClusterRole.KIND, role);
    b.subjects = List.of(subjects);
    return b;
  }
}
