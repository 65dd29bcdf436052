package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.Dig;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real application as a user brings it: the guestbook of {@code docs/apps/guestbook/} (a
 * StatefulSet database on a PersistentVolumeClaim behind basic authentication, a Deployment web
 * tier configured by a ConfigMap and a Secret as files and variables, a seed Job, a ServiceAccount
 * with a Role its pods use from inside, Services, a DaemonSet log agent, probes), applied as files
 * with the real kubectl to a two-node {@code skiff up} cluster and used with curl and dig: it is
 * read and signed through its ClusterIP and NodePort, its database pod is deleted and the entries
 * are still there, it is scaled, and it is deleted again. Process runtime ({@link
 * GuestbookDockerE2E} runs it on Docker).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestbookE2E {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path MANIFESTS = ROOT.resolve("docs/apps/guestbook");

  /** The node directory the web tier logs to and the log agent reads (a hostPath volume). */
  static final Path LOG_DIR = Path.of("/tmp/skiff-guestbook");

  static final String NS = "guestbook";

  @TempDir static Path home;
  ClusterKubectl kubectl;

  /** The runtime the cluster's nodes run pods with. */
  String runtime() {
    return "process";
  }

  /** What the runtime needs before the cluster starts. */
  void prepare() throws Exception {}

  /**
   * Whether the web tier's busybox wget can talk TLS to the API server: on the process runtime it
   * hands TLS to the node's openssl; the skiff/busybox:1 image has only busybox's own TLS, whose
   * handshake with Skiff's serving certificate (ECDSA P-256) fails.
   */
  boolean busyboxReachesTheApi() {
    return true;
  }

  @BeforeAll
  void startCluster() throws Exception {
    prepare();
    deleteLogDir();
    kubectl = ClusterKubectl.up(home, "gb", runtime(), "--nodes", "2");
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (kubectl != null) {
      kubectl.down();
    }
    deleteLogDir();
  }

  @Test
  void theGuestbookRunsIsSignedKeepsItsEntriesScalesAndGoes() throws Exception {
    ok("create", "namespace", NS);
    assertThat(ok("apply", "-n", NS, "-f", MANIFESTS.toString()))
        .contains(
            "secret/db-credentials created",
            "statefulset.apps/db created",
            "deployment.apps/frontend created",
            "daemonset.apps/log-agent created",
            "job.batch/seed created",
            "rolebinding.rbac.authorization.k8s.io/frontend-reads-pods created");
    ok("rollout", "status", "-n", NS, "statefulset/db", "--timeout=120s");
    assertThat(ok("rollout", "status", "-n", NS, "deployment/frontend", "--timeout=120s"))
        .contains("successfully rolled out");
    assertThat(ok("rollout", "status", "-n", NS, "daemonset/log-agent", "--timeout=120s"))
        .contains("successfully rolled out");
    assertThat(ok("get", "pods", "-n", NS, "-l", "tier=logging", "-o", "name").lines())
        .as("one log agent per node")
        .hasSize(2);
    ok("wait", "-n", NS, "--for=condition=complete", "job/seed", "--timeout=120s");

    String clusterIp = jsonpath("service/frontend", "{.spec.clusterIP}");
    String page = curl("http://" + clusterIp + "/cgi-bin/guestbook");
    assertThat(page)
        .startsWith("Skiff guestbook (served by frontend-")
        .contains("Welcome! (written by the seed Job)");
    assertThat(curl("http://" + clusterIp + "/motd.txt"))
        .as("a file of the ConfigMap mounted with subPath")
        .isEqualTo("Sign the guestbook: POST one line to /cgi-bin/guestbook.\n");

    // The database answers only with the Secret's credentials.
    String db = "http://" + jsonpath("service/db", "{.spec.clusterIP}") + ":5984/cgi-bin/entries";
    ProcessResult refused =
        Processes.run(
            Duration.ofSeconds(30), "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", db);
    assertThat(refused.stdout()).as(refused.all()).isEqualTo("401");
    assertThat(curl("-u", "guestbook:s3cr3t-Passw0rd", db))
        .isEqualTo("Welcome! (written by the seed Job)\n");

    // Signed through the ClusterIP, read back through every node's NodePort.
    String entry = "Hello from GuestbookE2E " + UUID.randomUUID();
    assertThat(curl("--data-binary", entry, "http://" + clusterIp + "/cgi-bin/guestbook"))
        .endsWith("Welcome! (written by the seed Job)\n" + entry + "\n");
    List<String> nodes =
        Arrays.asList(
            ok(
                    "get",
                    "nodes",
                    "-o",
                    "jsonpath={.items[*].status.addresses[?(@.type==\"InternalIP\")].address}")
                .trim()
                .split(" "));
    assertThat(nodes).hasSize(2);
    for (String node : nodes) {
      assertThat(curl("http://" + node + ":30090/cgi-bin/guestbook")).contains(entry);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(ok("logs", "-n", NS, "daemonset/log-agent"))
                    .as("the log agent follows the node's signatures log")
                    .containsPattern("frontend-\\S+: signed \"" + entry + "\""));

    // A pod of the web tier lists pods through the API with its ServiceAccount token.
    if (busyboxReachesTheApi()) {
      assertThat(curl("http://" + clusterIp + "/cgi-bin/pods").lines().sorted().toList())
          .isEqualTo(frontendPods());
    } else {
      ProcessResult noTls =
          Processes.run(
              Duration.ofSeconds(30), "curl", "-sS", "http://" + clusterIp + "/cgi-bin/pods");
      assertThat(noTls.stdout()).as(noTls.all()).isEqualTo("the API server did not answer\n");
    }

    // The database's stable name, through its headless Service.
    String dns =
        ok("get", "service", "kube-dns", "-n", "kube-system", "-o", "jsonpath={.spec.clusterIP}");
    Dig.Result answer =
        Dig.run(
            List.of(
                "dig",
                "@" + dns,
                "+tries=2",
                "+time=3",
                "db-0.db-headless." + NS + ".svc.cluster.local"));
    assertThat(answer.answerData())
        .as(answer.raw())
        .containsExactly(jsonpath("pod/db-0", "{.status.podIP}"));

    // The database pod goes; the StatefulSet makes a new db-0 on the same claim, and the
    // entries are still there.
    String volume = jsonpath("pvc/data-db-0", "{.spec.volumeName}");
    String oldUid = jsonpath("pod/db-0", "{.metadata.uid}");
    ok("delete", "pod", "-n", NS, "db-0");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl
                            .run(
                                "get",
                                "pod",
                                "-n",
                                NS,
                                "db-0",
                                "-o",
                                "jsonpath={.metadata.uid} {.status.conditions[?(@.type==\"Ready\")].status}")
                            .stdout())
                    .doesNotStartWith(oldUid)
                    .endsWith(" True"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(curl("http://" + clusterIp + "/cgi-bin/guestbook"))
                    .endsWith("Welcome! (written by the seed Job)\n" + entry + "\n"));
    assertThat(jsonpath("pvc/data-db-0", "{.spec.volumeName}")).isEqualTo(volume);

    // Scaled out, every replica serves and the API lists all three.
    ok("scale", "-n", NS, "deployment/frontend", "--replicas=3");
    ok("rollout", "status", "-n", NS, "deployment/frontend", "--timeout=120s");
    assertThat(frontendPods()).hasSize(3);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ok(
                                "get",
                                "endpoints",
                                "-n",
                                NS,
                                "frontend",
                                "-o",
                                "jsonpath={.subsets[*].addresses[*].ip}")
                            .trim()
                            .split(" "))
                    .hasSize(3));
    if (busyboxReachesTheApi()) {
      assertThat(curl("http://" + clusterIp + "/cgi-bin/pods").lines().sorted().toList())
          .isEqualTo(frontendPods());
    }

    // Deleting the manifests keeps the claim (as Kubernetes does for volumeClaimTemplates);
    // deleting the namespace removes it and its volume.
    ok("delete", "-n", NS, "-f", MANIFESTS.toString(), "--wait=true", "--timeout=120s");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(ok("get", "pods", "-n", NS, "-o", "name")).isEmpty());
    assertThat(ok("get", "pvc", "-n", NS, "-o", "name").trim())
        .isEqualTo("persistentvolumeclaim/data-db-0");
    ok("delete", "namespace", NS, "--timeout=120s");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(ok("get", "pv", "-o", "name")).doesNotContain(volume));
  }

  private List<String> frontendPods() throws Exception {
    return ok(
            "get",
            "pods",
            "-n",
            NS,
            "-l",
            "app=guestbook,tier=frontend",
            "-o",
            "jsonpath={range .items[*]}{.metadata.name}{\"\\n\"}{end}")
        .lines()
        .sorted()
        .toList();
  }

  /** curl that must succeed (retrying a connection that races a new Service or endpoint). */
  private static String curl(String... args) {
    String[] argv =
        Stream.concat(
                Stream.of(
                    "curl",
                    "-fsS",
                    "--max-time",
                    "10",
                    "--retry",
                    "5",
                    "--retry-delay",
                    "1",
                    "--retry-all-errors"),
                Arrays.stream(args))
            .toArray(String[]::new);
    ProcessResult r = Processes.run(Duration.ofSeconds(90), argv);
    assertThat(r.exitCode()).as(String.join(" ", argv) + ": " + r.all()).isZero();
    return r.stdout();
  }

  private String jsonpath(String object, String path) throws Exception {
    return ok("get", "-n", NS, object, "-o", "jsonpath=" + path);
  }

  private String ok(String... args) throws Exception {
    return kubectl.ok(args);
  }

  private static void deleteLogDir() throws Exception {
    if (Files.exists(LOG_DIR)) {
      try (Stream<Path> files = Files.walk(LOG_DIR)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
