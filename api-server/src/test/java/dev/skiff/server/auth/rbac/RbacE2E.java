package dev.skiff.server.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RBAC end to end on one replica with its controllers, through real clients: ServiceAccounts bound
 * to each default role get exactly their grants (fabric8 with their TokenRequest tokens); {@code
 * kubectl auth can-i --as}; a new or deleted binding takes effect without a restart; privilege
 * escalation is refused; and the 403 texts are Kubernetes' to the letter for kubectl and fabric8
 * and for the Python client, which reads Status bodies and the RBAC kinds strictly.
 */
class RbacE2E {
  private static final String NS = "table";
  private static final List<String> ROLES =
      List.of("cluster-admin", "admin", "edit", "view", "none");

  @TempDir static Path dir;
  private static TestCluster cluster;
  private static Kubectl kubectl;
  private static Path kubeconfig;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls());
    Await.result(cluster.replica(0).manager().leading());
    kubeconfig = cluster.kubeconfig(dir.resolve("kubeconfig"), 0);
    kubectl = Kubectl.in(dir, kubeconfig);
    ok("create", "namespace", NS);
    ok("create", "namespace", "elsewhere");
    for (String role : ROLES) {
      ok("create", "serviceaccount", role, "-n", NS);
    }
    ok(
        "create",
        "clusterrolebinding",
        "table-cluster-admin",
        "--clusterrole=cluster-admin",
        "--serviceaccount=" + NS + ":cluster-admin");
    for (String role : List.of("admin", "edit", "view")) {
      ok(
          "create",
          "rolebinding",
          "table-" + role,
          "--clusterrole=" + role,
          "--serviceaccount=" + NS + ":" + role,
          "-n",
          NS);
    }
    for (String role : ROLES) {
      TOKENS.put(role, token(NS, role));
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private record Request(String name, Consumer<KubernetesClient> call, Set<String> allowed) {}

  @Test
  void eachDefaultRoleGrantsWhatKubernetesGrants() {
    Set<String> all = Set.of("cluster-admin", "admin", "edit", "view");
    Set<String> writers = Set.of("cluster-admin", "admin", "edit");
    Set<String> admins = Set.of("cluster-admin", "admin");
    Set<String> clusterAdmin = Set.of("cluster-admin");
    List<Request> table =
        List.of(
            new Request("list pods", k -> k.pods().inNamespace(NS).list(), all),
            new Request(
                "get pods/log", k -> k.pods().inNamespace(NS).withName("absent").getLog(), all),
            new Request(
                "list deployments", k -> k.apps().deployments().inNamespace(NS).list(), all),
            new Request("list jobs", k -> k.batch().v1().jobs().inNamespace(NS).list(), all),
            new Request(
                "list endpointslices",
                k -> k.discovery().v1().endpointSlices().inNamespace(NS).list(),
                all),
            new Request("get namespace", k -> k.namespaces().withName(NS).get(), all),
            new Request("list secrets", k -> k.secrets().inNamespace(NS).list(), writers),
            new Request(
                "create configmap",
                k ->
                    k.configMaps()
                        .inNamespace(NS)
                        .resource(
                            new ConfigMapBuilder()
                                .withNewMetadata()
                                .withGenerateName("by-sa-")
                                .endMetadata()
                                .addToData("a", "b")
                                .build())
                        .create(),
                writers),
            new Request(
                "delete deployment",
                k -> k.apps().deployments().inNamespace(NS).withName("absent").delete(),
                writers),
            new Request(
                "create role",
                k ->
                    k.rbac()
                        .roles()
                        .inNamespace(NS)
                        .resource(
                            new RoleBuilder()
                                .withNewMetadata()
                                .withGenerateName("pod-reader-")
                                .endMetadata()
                                .addNewRule()
                                .withApiGroups("")
                                .withResources("pods")
                                .withVerbs("get")
                                .endRule()
                                .build())
                        .create(),
                admins),
            new Request(
                "list rolebindings", k -> k.rbac().roleBindings().inNamespace(NS).list(), admins),
            new Request(
                "create localsubjectaccessreview",
                k ->
                    k.authorization()
                        .v1()
                        .localSubjectAccessReview()
                        .inNamespace(NS)
                        .create(
                            new LocalSubjectAccessReviewBuilder()
                                .withNewMetadata()
                                .withNamespace(NS)
                                .endMetadata()
                                .withNewSpec()
                                .withUser("jane")
                                .withNewResourceAttributes()
                                .withNamespace(NS)
                                .withVerb("get")
                                .withResource("pods")
                                .endResourceAttributes()
                                .endSpec()
                                .build()),
                admins),
            new Request(
                "list pods elsewhere", k -> k.pods().inNamespace("elsewhere").list(), clusterAdmin),
            new Request("list nodes", k -> k.nodes().list(), clusterAdmin),
            new Request("list clusterroles", k -> k.rbac().clusterRoles().list(), clusterAdmin),
            new Request(
                "create namespace",
                k ->
                    k.namespaces()
                        .resource(
                            new NamespaceBuilder()
                                .withNewMetadata()
                                .withGenerateName("ns-")
                                .endMetadata()
                                .build())
                        .create(),
                clusterAdmin));

    List<String> wrong = new ArrayList<>();
    for (String role : ROLES) {
      try (KubernetesClient k = fabric8(TOKENS.get(role))) {
        for (Request r : table) {
          boolean allowed = !forbidden(() -> r.call().accept(k));
          if (allowed != r.allowed().contains(role)) {
            wrong.add(role + " " + r.name() + ": " + (allowed ? "allowed" : "forbidden"));
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void kubectlAuthCanIAnswersForAServiceAccountItImpersonates() {
    String as = "--as=system:serviceaccount:" + NS + ":view";
    assertThat(kubectl.run("auth", "can-i", "list", "pods", "-n", NS, as).stdout().trim())
        .isEqualTo("yes");
    ProcessResult no = kubectl.run("auth", "can-i", "create", "configmaps", "-n", NS, as);
    assertThat(no.stdout().trim()).isEqualTo("no");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(kubectl.run("auth", "can-i", "list", "pods", "-n", "elsewhere", as).stdout().trim())
        .isEqualTo("no");
    ProcessResult list = kubectl.run("auth", "can-i", "--list", "-n", NS, as);
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.stdout())
        .contains("pods")
        .contains("selfsubjectaccessreviews.authorization.k8s.io");
    ProcessResult whoami =
        kubectl.run("auth", "whoami", as, "-o", "jsonpath={.status.userInfo.groups}");
    assertThat(whoami.stdout())
        .contains("system:serviceaccounts:" + NS)
        .contains("system:authenticated");

    // edit may impersonate ServiceAccounts of its namespace; view may not
    ProcessResult byEdit =
        kubectl.run("--token=" + TOKENS.get("edit"), "auth", "can-i", "get", "pods", "-n", NS, as);
    assertThat(byEdit.stdout().trim()).as(byEdit.all()).isEqualTo("yes");
    ProcessResult byView =
        kubectl.run(
            "--token=" + TOKENS.get("view"),
            "auth",
            "can-i",
            "get",
            "pods",
            "-n",
            NS,
            "--as=system:serviceaccount:" + NS + ":edit");
    assertThat(byView.exitCode()).isNotZero();
    assertThat(byView.stderr())
        .contains(
            "serviceaccounts \"edit\" is forbidden: User \"system:serviceaccount:table:view\""
                + " cannot impersonate resource \"serviceaccounts\" in API group \"\" in the"
                + " namespace \"table\"");
    ProcessResult user =
        kubectl.run("--token=" + TOKENS.get("edit"), "get", "pods", "-n", NS, "--as=jane");
    assertThat(user.stderr())
        .contains(
            "users \"jane\" is forbidden: User \"system:serviceaccount:table:edit\" cannot"
                + " impersonate resource \"users\" in API group \"\" at the cluster scope");
  }

  @Test
  void aBindingTakesEffectAndStopsWithoutARestart() {
    ok("create", "serviceaccount", "late", "-n", NS);
    String token = token(NS, "late");
    ProcessResult before = kubectl.run("--token=" + token, "get", "configmaps", "-n", NS);
    assertThat(before.stderr())
        .contains(
            "configmaps is forbidden: User \"system:serviceaccount:table:late\" cannot list"
                + " resource \"configmaps\" in API group \"\" in the namespace \"table\"");

    ok(
        "create",
        "rolebinding",
        "late-view",
        "--clusterrole=view",
        "--serviceaccount=" + NS + ":late",
        "-n",
        NS);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> kubectl.run("--token=" + token, "get", "configmaps", "-n", NS).ok());

    ok("delete", "rolebinding", "late-view", "-n", NS);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !kubectl.run("--token=" + token, "get", "configmaps", "-n", NS).ok());
  }

  @Test
  void aUserCannotGrantWhatTheyDoNotHold() {
    String ns = "esc";
    ok("create", "namespace", ns);
    ok("create", "serviceaccount", "manager", "-n", ns);
    ok(
        "create",
        "role",
        "role-manager",
        "--verb=create,get,list,update,patch",
        "--resource=roles,rolebindings",
        "-n",
        ns);
    ok(
        "create",
        "rolebinding",
        "manager-roles",
        "--role=role-manager",
        "--serviceaccount=esc:manager",
        "-n",
        ns);
    ok(
        "create",
        "rolebinding",
        "manager-view",
        "--clusterrole=view",
        "--serviceaccount=esc:manager",
        "-n",
        ns);
    String t = "--token=" + token(ns, "manager");
    String groups =
        "(groups=[\"system:serviceaccounts\" \"system:serviceaccounts:esc\" \"system:authenticated\"])";

    // what it holds (view) it may grant ...
    ProcessResult held =
        kubectl.run(
            t, "create", "role", "pod-reader", "--verb=get,list", "--resource=pods", "-n", ns);
    assertThat(held.exitCode()).as(held.all()).isZero();
    // ... what it does not, not
    ProcessResult secrets =
        kubectl.run(
            t,
            "create",
            "role",
            "secret-reader",
            "--verb=get,list",
            "--resource=secrets,pods",
            "-n",
            ns);
    assertThat(secrets.exitCode()).isNotZero();
    assertThat(secrets.stderr())
        .contains(
            "roles.rbac.authorization.k8s.io \"secret-reader\" is forbidden: user"
                + " \"system:serviceaccount:esc:manager\" "
                + groups
                + " is attempting to grant RBAC permissions not currently held:\n"
                + "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\"]}");
    // binding view is granting what it holds; binding edit is not
    ProcessResult bindView =
        kubectl.run(
            t,
            "create",
            "rolebinding",
            "others-view",
            "--clusterrole=view",
            "--user=jane",
            "-n",
            ns);
    assertThat(bindView.exitCode()).as(bindView.all()).isZero();
    ProcessResult bindEdit =
        kubectl.run(
            t,
            "create",
            "rolebinding",
            "others-edit",
            "--clusterrole=edit",
            "--user=jane",
            "-n",
            ns);
    assertThat(bindEdit.exitCode()).isNotZero();
    assertThat(bindEdit.stderr())
        .contains(
            "rolebindings.rbac.authorization.k8s.io \"others-edit\" is forbidden: user"
                + " \"system:serviceaccount:esc:manager\" "
                + groups
                + " is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"\"],"
                + " Resources:[\"configmaps\"], Verbs:[\"create\" \"delete\" \"deletecollection\""
                + " \"patch\" \"update\"]}");
    // ... until it is given the bind verb on edit
    ok(
        "create",
        "role",
        "bind-edit",
        "--verb=bind",
        "--resource=clusterroles",
        "--resource-name=edit",
        "-n",
        ns);
    ok(
        "create",
        "rolebinding",
        "manager-bind-edit",
        "--role=bind-edit",
        "--serviceaccount=esc:manager",
        "-n",
        ns);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                kubectl
                    .run(
                        t,
                        "create",
                        "rolebinding",
                        "others-edit",
                        "--clusterrole=edit",
                        "--user=jane",
                        "-n",
                        ns)
                    .ok());
    // and with escalate on roles it may write any role
    ok("create", "role", "escalator", "--verb=escalate", "--resource=roles", "-n", ns);
    ok(
        "create",
        "rolebinding",
        "manager-escalate",
        "--role=escalator",
        "--serviceaccount=esc:manager",
        "-n",
        ns);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                kubectl
                    .run(
                        t,
                        "create",
                        "role",
                        "secret-reader",
                        "--verb=get",
                        "--resource=secrets",
                        "-n",
                        ns)
                    .ok());
  }

  @Test
  void forbiddenTextsAreKubernetesOwnForKubectlAndFabric8() {
    String none = TOKENS.get("none");
    String user = "User \"system:serviceaccount:table:none\"";
    assertThat(kubectl.run("--token=" + none, "get", "pods", "-n", NS).stderr())
        .isEqualTo(
            "Error from server (Forbidden): pods is forbidden: "
                + user
                + " cannot list resource \"pods\" in API group \"\" in the namespace \"table\"\n");
    assertThat(kubectl.run("--token=" + none, "get", "pod", "web", "-n", NS).stderr())
        .isEqualTo(
            "Error from server (Forbidden): pods \"web\" is forbidden: "
                + user
                + " cannot get resource \"pods\" in API group \"\" in the namespace \"table\"\n");
    assertThat(kubectl.run("--token=" + none, "get", "nodes").stderr())
        .isEqualTo(
            "Error from server (Forbidden): nodes is forbidden: "
                + user
                + " cannot list resource \"nodes\" in API group \"\" at the cluster scope\n");
    assertThat(kubectl.run("--token=" + none, "logs", "web", "-n", NS).stderr())
        .contains(
            "pods \"web\" is forbidden: "
                + user
                + " cannot get resource \"pods\" in API group \"\" in the namespace \"table\"");

    try (KubernetesClient k = fabric8(none)) {
      KubernetesClientException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              KubernetesClientException.class, () -> k.apps().deployments().inNamespace(NS).list());
      assertThat(e.getCode()).isEqualTo(403);
      assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
      assertThat(e.getStatus().getMessage())
          .isEqualTo(
              "deployments.apps is forbidden: "
                  + user
                  + " cannot list resource \"deployments\" in API group \"apps\" in the"
                  + " namespace \"table\"");
      assertThat(e.getStatus().getDetails().getGroup()).isEqualTo("apps");
      assertThat(e.getStatus().getDetails().getKind()).isEqualTo("deployments");
      KubernetesClientException log =
          org.junit.jupiter.api.Assertions.assertThrows(
              KubernetesClientException.class,
              () -> k.pods().inNamespace(NS).withName("web").getLog());
      assertThat(log.getStatus().getMessage())
          .isEqualTo(
              "pods \"web\" is forbidden: "
                  + user
                  + " cannot get resource \"pods/log\" in API group \"\" in the namespace \"table\"");
    }
  }

  @Test
  void kubectlGetPrintsRolesAndBindings() {
    ProcessResult roles =
        kubectl.run("get", "clusterroles", "view", "edit", "admin", "cluster-admin");
    assertThat(roles.exitCode()).as(roles.all()).isZero();
    assertThat(roles.stdout()).startsWith("NAME").contains("CREATED AT").contains("cluster-admin");
    ProcessResult bindings = kubectl.run("get", "rolebindings", "-n", NS, "-o", "wide");
    assertThat(bindings.stdout())
        .contains("ROLE")
        .contains("SERVICEACCOUNTS")
        .contains("ClusterRole/view")
        .contains("table/view");
    ProcessResult explain = kubectl.run("explain", "clusterrole.aggregationRule");
    assertThat(explain.exitCode()).as(explain.all()).isZero();
    assertThat(explain.stdout()).contains("clusterRoleSelectors");
  }

  @Test
  void aggregatedRolesGatherLabelledRoles() {
    ok(
        "apply",
        "-f",
        write(
            "widgets.yaml",
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-view
              labels:
                rbac.authorization.k8s.io/aggregate-to-view: "true"
            rules:
            - apiGroups: ["example.com"]
              resources: ["widgets"]
              verbs: ["get", "list", "watch"]
            """));
    for (String role : List.of("view", "edit", "admin")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  kubectl
                      .run("get", "clusterrole", role, "-o", "jsonpath={.rules[*].resources}")
                      .stdout()
                      .contains("widgets"));
    }
    // kubectl auth can-i cannot name a resource discovery does not list; a SubjectAccessReview can
    String review =
        write(
            "review.yaml",
            """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec:
              user: system:serviceaccount:table:view
              groups: [system:serviceaccounts, "system:serviceaccounts:table", system:authenticated]
              resourceAttributes: {namespace: table, verb: list, group: example.com, resource: widgets}
            """);
    // --validate=false: kubectl looks for the fieldValidation parameter of a review POST in
    // OpenAPI v3, which does not list it for the computed kinds, and falls back to v2
    ProcessResult answer =
        kubectl.run("create", "--validate=false", "-f", review, "-o", "jsonpath={.status}");
    assertThat(answer.exitCode()).as(answer.all()).isZero();
    assertThat(answer.stdout())
        .contains("\"allowed\":true")
        .contains(
            "RBAC: allowed by RoleBinding \\\"table-view/table\\\" of ClusterRole \\\"view\\\" to"
                + " ServiceAccount \\\"view/table\\\"");
  }

  @Test
  void pythonClientReadsRbacKindsReviewsAndTheForbiddenStatus() throws Exception {
    String python = python();
    assertThat(python)
        .as(
            "no python3 with the kubernetes module: apt-get install python3-kubernetes (.ci/run does)")
        .isNotNull();
    Path script = dir.resolve("rbac_check.py");
    try (var in = getClass().getResourceAsStream("/python/rbac_check.py")) {
      Files.write(script, in.readAllBytes());
    }

    ProcessResult r =
        dev.skiff.testing.Processes.run(
            new ProcessBuilder(
                python, script.toString(), kubeconfig.toString(), NS, TOKENS.get("none")),
            null,
            Duration.ofSeconds(60));

    assertThat(r.stdout()).as(r.all()).endsWith("OK\n");
    assertThat(r.exitCode()).isZero();
  }

  /** Debian's package lands in /usr/bin/python3's path, which a pyenv python3 on PATH lacks. */
  private static String python() {
    for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
      try {
        if (dev.skiff.testing.Processes.run(
                    new ProcessBuilder(candidate, "-c", "import kubernetes"),
                    null,
                    Duration.ofSeconds(30))
                .exitCode()
            == 0) {
          return candidate;
        }
      } catch (RuntimeException e) {
        // not installed: try the next
      }
    }
    return null;
  }

  private static boolean forbidden(Runnable call) {
    try {
      call.run();
      return false;
    } catch (KubernetesClientException e) {
      return e.getCode() == 403;
    }
  }

  private static KubernetesClient fabric8(String token) {
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      config.setOauthToken(token);
      config.setRequestRetryBackoffLimit(0);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String token(String namespace, String serviceAccount) {
    ProcessResult r = kubectl.run("create", "token", serviceAccount, "-n", namespace);
    assertThat(r.exitCode()).as(r.all()).isZero();
    return r.stdout().trim();
  }

  private static void ok(String... args) {
    ProcessResult r = kubectl.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.all()).isZero();
  }

  private static String write(String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, content);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
