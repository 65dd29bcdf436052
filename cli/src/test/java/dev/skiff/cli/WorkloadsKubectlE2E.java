package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.Dig;
import dev.skiff.testing.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * StatefulSets, DaemonSets, ReplicationControllers and namespace deletion driven by the real
 * kubectl against a two-node cluster started with {@code skiff up} (process runtime: pods are real
 * local processes; {@link WorkloadsDockerE2E} runs the same tests on the Docker runtime).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadsKubectlE2E {
  private static final String SLEEPER =
      "containers: [{name: c, image: skiff/busybox:1, command: [sh, -c, \"exec sleep 3600\"]}]";

  @TempDir static Path home;
  ClusterKubectl kubectl;

  /** The runtime the cluster's nodes run pods with. */
  String runtime() {
    return "process";
  }

  /** What the runtime needs before the cluster starts. */
  void prepare() throws Exception {}

  @BeforeAll
  void startCluster() throws Exception {
    prepare();
    kubectl = ClusterKubectl.up(home, "wl", runtime(), "--nodes", "2");
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (kubectl != null) {
      kubectl.down();
    }
  }

  @Test
  void statefulSetStartsInOrderResolvesPerPodNamesRollsWithAPartitionAndScalesDown()
      throws Exception {
    ok("create", "namespace", "sts");
    apply(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: sts}
        spec:
          clusterIP: None
          selector: {app: web}
          ports: [{name: http, port: 80}]
        ---
        """
            + workload("StatefulSet", "sts", "web", "serviceName: web, replicas: 3, ", ""));
    assertThat(ok("rollout", "status", "sts/web", "-n", "sts", "--timeout=120s"))
        .contains("partitioned roll out complete: 3 new pods have been updated...");
    assertThat(ok("get", "sts", "web", "-n", "sts"))
        .containsPattern("NAME\\s+READY\\s+AGE")
        .containsPattern("web\\s+3/3\\s+\\d+s");
    assertThat(ok("get", "pods", "-n", "sts", "-l", "app=web", "-o", "name").split("\n"))
        .containsExactlyInAnyOrder("pod/web-0", "pod/web-1", "pod/web-2");
    for (int i = 1; i < 3; i++) {
      Instant created =
          Instant.parse(jsonpath("sts", "pod/web-" + i, "{.metadata.creationTimestamp}"));
      Instant previousReady =
          Instant.parse(
              jsonpath(
                  "sts",
                  "pod/web-" + (i - 1),
                  "{.status.conditions[?(@.type==\"Ready\")].lastTransitionTime}"));
      assertThat(created)
          .as("web-%d waits for web-%d to be Ready", i, i - 1)
          .isAfterOrEqualTo(previousReady);
    }
    assertThat(jsonpath("sts", "pod/web-1", "{.spec.hostname} {.spec.subdomain}"))
        .isEqualTo("web-1 web");
    assertThat(
            ok("get", "events", "-n", "sts", "--field-selector", "involvedObject.kind=StatefulSet"))
        .contains("create Pod web-0 in StatefulSet web successful")
        .contains("create Pod web-2 in StatefulSet web successful");

    String dns =
        ok("get", "service", "kube-dns", "-n", "kube-system", "-o", "jsonpath={.spec.clusterIP}");
    for (String pod : List.of("web-0", "web-2")) {
      String ip = jsonpath("sts", "pod/" + pod, "{.status.podIP}");
      Dig.Result answer =
          Dig.run(
              List.of("dig", "@" + dns, "+tries=2", "+time=3", pod + ".web.sts.svc.cluster.local"));
      assertThat(answer.answerData()).as(answer.raw()).containsExactly(ip);
    }

    ok(
        "patch",
        "sts",
        "web",
        "-n",
        "sts",
        "-p",
        "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":2}}}}");
    ok("set", "env", "sts/web", "-n", "sts", "VERSION=2");
    assertThat(ok("rollout", "status", "sts/web", "-n", "sts", "--timeout=120s"))
        .contains("partitioned roll out complete: 1 new pods have been updated...");
    String current = jsonpath("sts", "sts/web", "{.status.currentRevision}");
    String update = jsonpath("sts", "sts/web", "{.status.updateRevision}");
    assertThat(update).isNotEqualTo(current).startsWith("web-");
    assertThat(revisionOf("web-0")).isEqualTo(current);
    assertThat(revisionOf("web-1")).isEqualTo(current);
    assertThat(revisionOf("web-2")).isEqualTo(update);
    assertThat(ok("get", "controllerrevisions", "-n", "sts"))
        .containsPattern("NAME\\s+CONTROLLER\\s+REVISION\\s+AGE")
        .containsPattern(current + "\\s+statefulset.apps/web\\s+1")
        .containsPattern(update + "\\s+statefulset.apps/web\\s+2");

    ok(
        "patch",
        "sts",
        "web",
        "-n",
        "sts",
        "-p",
        "{\"spec\":{\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0}}}}");
    ok("rollout", "status", "sts/web", "-n", "sts", "--timeout=120s");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        jsonpath(
                            "sts",
                            "sts/web",
                            "{.status.currentRevision} {.status.updatedReplicas}"))
                    .isEqualTo(update + " 3"));
    assertThat(revisionOf("web-0")).isEqualTo(update);

    assertThat(ok("rollout", "history", "sts/web", "-n", "sts"))
        .containsPattern("(?m)^1\\s")
        .containsPattern("(?m)^2\\s");
    assertThat(ok("rollout", "undo", "sts/web", "-n", "sts", "--to-revision=1"))
        .contains("statefulset.apps/web rolled back");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(
                        jsonpath(
                            "sts",
                            "sts/web",
                            "{.status.currentRevision} {.status.updatedReplicas}"
                                + " {.status.readyReplicas}"))
                    .isEqualTo(current + " 3 3"));
    assertThat(revisionOf("web-0")).isEqualTo(current);
    assertThat(jsonpath("sts", "controllerrevision/" + current, "{.revision}"))
        .as("the template it went back to is the newest revision again")
        .isEqualTo("3");
    String web0 = jsonpath("sts", "pod/web-0", "{.metadata.uid}");

    ok("scale", "sts", "web", "-n", "sts", "--replicas=1");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(kubectl("get", "pods", "-n", "sts", "-o", "name").stdout().trim())
                    .isEqualTo("pod/web-0"));
    assertThat(jsonpath("sts", "pod/web-0", "{.metadata.uid}")).isEqualTo(web0);
    assertThat(
            ok("get", "events", "-n", "sts", "--field-selector", "involvedObject.kind=StatefulSet"))
        .contains("delete Pod web-2 in StatefulSet web successful");

    ok("delete", "sts", "web", "-n", "sts");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(kubectl("get", "pods", "-n", "sts", "-o", "name").stdout()).isEmpty();
              assertThat(kubectl("get", "controllerrevisions", "-n", "sts", "-o", "name").stdout())
                  .isEmpty();
            });
  }

  @Test
  void parallelStatefulSetWithOnDeleteKeepsOldPodsUntilTheyAreDeleted() throws Exception {
    ok("create", "namespace", "par");
    apply(
        workload(
            "StatefulSet",
            "par",
            "db",
            "serviceName: db, replicas: 2, podManagementPolicy: Parallel,"
                + " updateStrategy: {type: OnDelete}, ",
            ""));
    awaitReady("par", "sts/db", "{.status.readyReplicas}", "2");
    String old = revisionOf("par", "db-1");
    ok("set", "env", "sts/db", "-n", "par", "VERSION=2");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(jsonpath("par", "sts/db", "{.status.updateRevision}"))
                    .isNotEqualTo(old));
    assertThat(revisionOf("par", "db-1")).isEqualTo(old);
    assertThat(kubectl("rollout", "status", "sts/db", "-n", "par").stderr())
        .contains("rollout status is only available for RollingUpdate strategy type");

    ok("delete", "pod", "db-1", "-n", "par");
    String update = jsonpath("par", "sts/db", "{.status.updateRevision}");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(revisionOf("par", "db-1")).isEqualTo(update));
    assertThat(revisionOf("par", "db-0")).isEqualTo(old);

    ProcessResult bad =
        kubectl("patch", "sts", "db", "-n", "par", "-p", "{\"spec\":{\"serviceName\":\"other\"}}");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.stderr())
        .contains(
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas',"
                + " 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit',"
                + " 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
  }

  @Test
  void statefulSetPodsGetTheirOwnClaimsWhoseDataOutlivesThePod() throws Exception {
    ok("create", "namespace", "vct");
    apply(
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: vct}
        spec:
          serviceName: web
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - {name: c, image: skiff/busybox:1, command: [sh, -c, "exec sleep 3600"],
                 volumeMounts: [{name: data, mountPath: /data}]}
          volumeClaimTemplates:
          - metadata: {name: data, labels: {tier: db}}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """);
    awaitReady("vct", "sts/web", "{.status.readyReplicas}", "2");
    String claims = ok("get", "pvc", "-n", "vct", "-l", "tier=db,app=web");
    assertThat(claims)
        .containsPattern("data-web-0\\s+Bound\\s+pvc-\\S+\\s+1Gi\\s+RWO\\s+local-path")
        .containsPattern("data-web-1\\s+Bound\\s+pvc-\\S+\\s+1Gi\\s+RWO\\s+local-path");
    assertThat(jsonpath("vct", "pod/web-0", "{.spec.volumes[0].persistentVolumeClaim.claimName}"))
        .isEqualTo("data-web-0");
    assertThat(jsonpath("vct", "pvc/data-web-0", "{.metadata.ownerReferences}")).isEmpty();
    assertThat(
            ok("get", "events", "-n", "vct", "--field-selector", "involvedObject.kind=StatefulSet"))
        .contains("create Claim data-web-0 Pod web-0 in StatefulSet web success");

    ok("exec", "web-0", "-n", "vct", "--", "sh", "-c", "echo kept > /data/f");
    String uid = jsonpath("vct", "pod/web-0", "{.metadata.uid}");
    ok("delete", "pod", "web-0", "-n", "vct");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(jsonpath("vct", "pod/web-0", "{.metadata.uid}")).isNotEqualTo(uid);
              assertThat(jsonpath("vct", "pod/web-0", "{.status.phase}")).isEqualTo("Running");
            });
    assertThat(ok("exec", "web-0", "-n", "vct", "--", "cat", "/data/f")).isEqualTo("kept\n");
    assertThat(jsonpath("vct", "pod/web-0", "{.spec.volumes[0].persistentVolumeClaim.claimName}"))
        .isEqualTo("data-web-0");
    assertThat(ok("get", "pvc", "-n", "vct", "-o", "name").split("\n"))
        .containsExactlyInAnyOrder(
            "persistentvolumeclaim/data-web-0", "persistentvolumeclaim/data-web-1");
  }

  @Test
  void daemonSetRunsOnePodPerNodeFollowsNodeLabelsAndRollsOut() throws Exception {
    ok("create", "namespace", "ds");
    List<String> nodes =
        Arrays.asList(ok("get", "nodes", "-o", "jsonpath={.items[*].metadata.name}").split(" "));
    assertThat(nodes).hasSize(2);
    apply(workload("DaemonSet", "ds", "agent", "", ""));
    assertThat(ok("rollout", "status", "ds/agent", "-n", "ds", "--timeout=120s"))
        .contains("daemon set \"agent\" successfully rolled out");
    assertThat(podNodes("app=agent")).containsExactlyInAnyOrderElementsOf(nodes);
    assertThat(ok("get", "ds", "agent", "-n", "ds"))
        .containsPattern(
            "NAME\\s+DESIRED\\s+CURRENT\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+NODE SELECTOR\\s+AGE")
        .containsPattern("agent\\s+2\\s+2\\s+2\\s+2\\s+2\\s+<none>\\s+\\d+s");

    String before =
        ok(
            "get",
            "pods",
            "-n",
            "ds",
            "-l",
            "app=agent",
            "-o",
            "jsonpath={.items[*].metadata.name}");
    ok("set", "env", "ds/agent", "-n", "ds", "VERSION=2");
    assertThat(ok("rollout", "status", "ds/agent", "-n", "ds", "--timeout=120s"))
        .contains("daemon set \"agent\" successfully rolled out");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<String> names =
                  Arrays.asList(
                      kubectl(
                              "get",
                              "pods",
                              "-n",
                              "ds",
                              "-l",
                              "app=agent",
                              "-o",
                              "jsonpath={.items[*].metadata.name}")
                          .stdout()
                          .split(" "));
              assertThat(names)
                  .hasSize(2)
                  .doesNotContainAnyElementsOf(Arrays.asList(before.split(" ")));
            });
    assertThat(podNodes("app=agent")).containsExactlyInAnyOrderElementsOf(nodes);

    String labelled = nodes.get(1);
    ok("label", "node", labelled, "role=edge");
    apply(workload("DaemonSet", "ds", "edge", "", "nodeSelector: {role: edge}, "));
    ok("rollout", "status", "ds/edge", "-n", "ds", "--timeout=120s");
    assertThat(podNodes("app=edge")).containsExactly(labelled);
    assertThat(ok("get", "ds", "edge", "-n", "ds"))
        .containsPattern("edge\\s+1\\s+1\\s+1\\s+1\\s+1\\s+role=edge");
    ok("label", "node", labelled, "role-");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(podNodes("app=edge")).isEmpty());
    assertThat(jsonpath("ds", "ds/edge", "{.status.desiredNumberScheduled}")).isEqualTo("0");
  }

  @Test
  void replicationControllerKeepsItsReplicasScalesAndTakesItsPodsAlong() throws Exception {
    ok("create", "namespace", "rc");
    apply(workload("ReplicationController", "rc", "legacy", "replicas: 2, ", ""));
    assertThat(jsonpath("rc", "rc/legacy", "{.spec.selector.app} {.metadata.labels.app}"))
        .isEqualTo("legacy legacy");
    awaitReady("rc", "rc/legacy", "{.status.readyReplicas}", "2");
    assertThat(ok("get", "rc", "legacy", "-n", "rc", "-o", "wide"))
        .containsPattern(
            "NAME\\s+DESIRED\\s+CURRENT\\s+READY\\s+AGE\\s+CONTAINERS\\s+IMAGES\\s+SELECTOR")
        .containsPattern("legacy\\s+2\\s+2\\s+2\\s+\\d+s\\s+c\\s+skiff/busybox:1\\s+app=legacy");
    assertThat(jsonpath("rc", "pods", "{.items[0].metadata.ownerReferences[0].kind}"))
        .isEqualTo("ReplicationController");

    ok("scale", "rc", "legacy", "-n", "rc", "--replicas=3");
    awaitReady("rc", "rc/legacy", "{.status.readyReplicas}", "3");
    ok("delete", "rc", "legacy", "-n", "rc");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(kubectl("get", "pods", "-n", "rc", "-o", "name").stdout()).isEmpty());
  }

  @Test
  void deletingANamespaceRemovesEveryKindInIt() throws Exception {
    ok("create", "namespace", "gone");
    apply(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: gone}
        data: {a: b}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: pw, namespace: gone}
        stringData: {password: x}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: outside, namespace: gone}
        subsets: [{addresses: [{ip: 127.9.9.9}], ports: [{port: 80}]}]
        ---
        """
            + workload("StatefulSet", "gone", "db", "serviceName: db, ", "")
            + "---\n"
            + workload("DaemonSet", "gone", "agent", "", "")
            + "---\n"
            + workload("ReplicationController", "gone", "legacy", "", ""));
    awaitReady("gone", "sts/db", "{.status.readyReplicas}", "1");
    assertThat(jsonpath("gone", "endpoints/outside", "{.metadata.name}")).isEqualTo("outside");
    ok("delete", "namespace", "gone", "--timeout=120s");
    assertThat(kubectl("get", "namespace", "gone").stderr()).contains("NotFound");
    ok("create", "namespace", "gone");
    assertThat(
            kubectl(
                    "get",
                    "all,configmaps,secrets,endpoints,controllerrevisions",
                    "-n",
                    "gone",
                    "-o",
                    "name")
                .stdout())
        .as("only what a new namespace gets")
        .doesNotContain("cfg", "pw", "outside", "db", "agent", "legacy");
  }

  @Test
  void invalidWorkloadsAreRefusedWithKubernetesMessages() throws Exception {
    ProcessResult bad =
        applyResult(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: bad}
            spec:
              podManagementPolicy: Sometimes
              selector: {matchLabels: {app: bad}}
              template:
                metadata: {labels: {app: other}}
                spec:
                  %s
            """
                .formatted(SLEEPER));
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.stderr())
        .contains("The StatefulSet \"bad\" is invalid:")
        .contains(
            "spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'")
        .containsPattern(
            "spec.template.metadata.labels: Invalid value: .*other.*: `selector` does not match template `labels`");
    ProcessResult mismatch =
        applyResult(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: bad}
            spec:
              selector: {app: first}
              template:
                metadata: {labels: {app: second}}
                spec:
                  %s
            """
                .formatted(SLEEPER));
    assertThat(mismatch.exitCode()).isNotZero();
    assertThat(mismatch.stderr())
        .containsPattern(
            "The ReplicationController \"bad\" is invalid: spec.template.metadata.labels: Invalid"
                + " value: .*second.*: `selector` does not match template `labels`");
  }

  /**
   * A StatefulSet, DaemonSet or ReplicationController (no selector: defaulted from the template) of
   * sleeping pods labelled {@code app: NAME}; {@code spec} and {@code podSpec} are YAML flow
   * entries ("replicas: 2, ") added to the spec and to the pod template's spec.
   */
  private static String workload(
      String kind, String namespace, String name, String spec, String podSpec) {
    boolean legacy = kind.equals("ReplicationController");
    return """
        apiVersion: %s
        kind: %s
        metadata: {name: %s, namespace: %s}
        spec: {%s%stemplate: {metadata: {labels: {app: %s}}, spec: {%sterminationGracePeriodSeconds: 1, %s}}}
        """
        .formatted(
            legacy ? "v1" : "apps/v1",
            kind,
            name,
            namespace,
            spec,
            legacy ? "" : "selector: {matchLabels: {app: " + name + "}}, ",
            name,
            podSpec,
            SLEEPER);
  }

  private List<String> podNodes(String selector) throws Exception {
    String out =
        ok("get", "pods", "-n", "ds", "-l", selector, "-o", "jsonpath={.items[*].spec.nodeName}")
            .trim();
    return out.isEmpty() ? List.of() : Arrays.asList(out.split(" "));
  }

  private String revisionOf(String pod) throws Exception {
    return revisionOf("sts", pod);
  }

  private String revisionOf(String namespace, String pod) throws Exception {
    return jsonpath(namespace, "pod/" + pod, "{.metadata.labels.controller-revision-hash}");
  }

  private void awaitReady(String namespace, String object, String path, String value) {
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(jsonpath(namespace, object, path)).isEqualTo(value));
  }

  private String jsonpath(String namespace, String object, String path) throws Exception {
    return ok("get", object, "-n", namespace, "-o", "jsonpath=" + path);
  }

  private String ok(String... args) throws Exception {
    return kubectl.ok(args);
  }

  private ProcessResult kubectl(String... args) throws Exception {
    return kubectl.run(args);
  }

  private void apply(String yaml) throws Exception {
    kubectl.apply(yaml);
  }

  private ProcessResult applyResult(String yaml) throws Exception {
    return kubectl.applyResult(yaml);
  }
}
