package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.testing.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource commands of the built CLI, run as separate processes against a cluster started with
 * {@code skiff up} (controllers and one process-runtime node agent). Every test works in its own
 * namespace.
 */
class SkiffResourceCommandsE2E {
  @TempDir static Path home;
  static SkiffProcess cli;
  static String cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cli = new SkiffProcess(home);
    cluster = "res-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessResult up = cli.skiff("up", "--name", cluster);
    assertThat(up.exitCode()).as(up.all()).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cli != null) {
      cli.skiff("down", "--name", cluster, "--purge");
    }
  }

  @Test
  void applyCreatesThenLeavesUnchangedThenConfiguresAndReadsStdin() throws Exception {
    String ns = namespace("apply");
    Path file =
        write(
            "apply.yaml",
            pod("a-1", "app: a", "sleep 3600") + "---\n" + service("a", "app: a", "ClusterIP"));

    ProcessResult first = skiff("apply", "-f", file.toString(), "-n", ns);
    ProcessResult second = skiff("apply", "-f", file.toString(), "-n", ns);
    Files.writeString(
        file, Files.readString(file).replace("app: a\n  ports", "app: a\n    extra: x\n  ports"));
    ProcessResult third = skiffWithStdin(file, "apply", "-f", "-", "-n", ns);

    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(first.stdout()).isEqualTo("pod/a-1 created\nservice/a created\n");
    assertThat(second.stdout()).isEqualTo("pod/a-1 unchanged\nservice/a unchanged\n");
    assertThat(third.exitCode()).as(third.all()).isZero();
    assertThat(third.stdout()).isEqualTo("pod/a-1 unchanged\nservice/a configured\n");
  }

  @Test
  void getPrintsTheServersTablesAndEveryOutputFormat() throws Exception {
    String ns = namespace("get");
    apply(
        ns,
        pod("g-1", "app: g\n    tier: fe", "sleep 3600")
            + "---\n"
            + pod("g-2", "app: other", "sleep 3600"));

    ProcessResult table = skiff("get", "pods", "-n", ns);
    ProcessResult wide = skiff("get", "pods", "-n", ns, "-o", "wide");
    ProcessResult selected = skiff("get", "pods", "-n", ns, "-l", "app=g", "-o", "name");
    ProcessResult yaml = skiff("get", "pod/g-1", "-n", ns, "-o", "yaml");
    ProcessResult json = skiff("get", "pods", "-n", ns, "-o", "json");
    ProcessResult everywhere = skiff("get", "pods", "-A", "--show-labels");
    ProcessResult nodes = skiff("get", "nodes");

    assertThat(table.exitCode()).as(table.all()).isZero();
    assertThat(table.stdout().lines().findFirst().orElseThrow())
        .matches("NAME +READY +STATUS +RESTARTS +AGE");
    assertThat(table.stdout()).contains("\ng-1 ", "\ng-2 ");
    assertThat(wide.stdout().lines().findFirst().orElseThrow())
        .matches("NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES");
    assertThat(selected.stdout()).isEqualTo("pod/g-1\n");
    assertThat(yaml.stdout()).startsWith("apiVersion: v1\nkind: Pod\nmetadata:\n");
    assertThat(yaml.stdout()).contains("  name: g-1\n", "  namespace: " + ns + "\n");
    JsonNode list = Json.tree(json.stdout().getBytes(StandardCharsets.UTF_8));
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).hasSize(2);
    assertThat(everywhere.stdout().lines().findFirst().orElseThrow())
        .matches("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +LABELS");
    assertThat(everywhere.stdout()).containsPattern(ns + " +g-1 .* app=g,tier=fe\n");
    assertThat(nodes.stdout()).containsPattern("node-1 +Ready");
  }

  @Test
  void anEmptyNamespaceSaysNoResourcesFoundAndSucceeds() throws Exception {
    String ns = namespace("empty");

    ProcessResult empty = skiff("get", "pods", "-n", ns);

    assertThat(empty.exitCode()).isZero();
    assertThat(empty.stdout()).isEmpty();
    assertThat(empty.stderr()).isEqualTo("No resources found in " + ns + " namespace.\n");
  }

  @Test
  void describeShowsThePodAndTheServiceWithItsEndpoints() throws Exception {
    String ns = namespace("describe");
    apply(ns, pod("d-1", "app: d", "sleep 3600") + "---\n" + service("d", "app: d", "ClusterIP"));
    awaitReady(ns, "d-1");

    ProcessResult pod = skiff("describe", "pod", "d-1", "-n", ns);

    assertThat(pod.exitCode()).as(pod.all()).isZero();
    assertThat(pod.stdout())
        .startsWith("Name: ")
        .containsPattern("Namespace: +" + ns + "\n")
        .containsPattern("Labels: +app=d\n")
        .containsPattern("Node: +node-1/127\\.")
        .containsPattern("Status: +Running\n")
        .contains("Containers:\n  main:\n    Container ID:", "Events:")
        .containsPattern("    Ready: +True\n");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(skiff("describe", "svc", "d", "-n", ns).stdout())
                    .containsPattern("Selector: +app=d\n")
                    .containsPattern("Type: +ClusterIP\n")
                    .containsPattern("Endpoints: +127\\.[0-9.]+:8080\n"));
  }

  @Test
  void deleteRemovesByNameByFileAndBySelector() throws Exception {
    String ns = namespace("delete");
    Path file =
        write(
            "delete.yaml",
            pod("x-1", "app: x", "sleep 3600") + "---\n" + pod("x-2", "app: x", "sleep 3600"));
    apply(
        ns,
        pod("y-1", "app: y", "sleep 3600")
            + "---\n"
            + pod("y-2", "app: y", "sleep 3600")
            + "---\n"
            + pod("y-3", "app: y", "sleep 3600"));
    assertThat(skiff("apply", "-f", file.toString(), "-n", ns).exitCode()).isZero();

    ProcessResult byName = skiff("delete", "pod", "y-1", "-n", ns, "--grace-period", "0");
    ProcessResult byFile = skiff("delete", "-f", file.toString(), "-n", ns, "--grace-period", "0");
    ProcessResult bySelector =
        skiff("delete", "pods", "-l", "app=y", "-n", ns, "--grace-period", "0");
    ProcessResult again = skiff("delete", "pod/y-1", "-n", ns);
    ProcessResult ignored = skiff("delete", "pod/y-1", "-n", ns, "--ignore-not-found");

    assertThat(byName.exitCode()).as(byName.all()).isZero();
    assertThat(byName.stdout()).isEqualTo("pod \"y-1\" deleted\n");
    assertThat(byFile.stdout()).isEqualTo("pod \"x-1\" deleted\npod \"x-2\" deleted\n");
    assertThat(bySelector.stdout()).isEqualTo("pod \"y-2\" deleted\npod \"y-3\" deleted\n");
    assertThat(skiff("get", "pods", "-n", ns).stderr()).startsWith("No resources found");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).isEqualTo("Error from server (NotFound): pods \"y-1\" not found\n");
    assertThat(ignored.exitCode()).isZero();
  }

  @Test
  void errorsReadLikeKubectlsAndExitCodesSeparateFailuresFromUsage() throws Exception {
    ProcessResult missing = skiff("get", "pod", "nope");
    ProcessResult unknownType = skiff("get", "foos");
    ProcessResult noType = skiff("get");
    ProcessResult badFlag = skiff("get", "pods", "--frobnicate");
    ProcessResult badOutput = skiff("get", "pods", "-o", "xml");
    ProcessResult noFile = skiff("apply", "-f", home.resolve("absent.yaml").toString());
    ProcessResult noCluster = cli.skiff("get", "pods", "--name", "no-such-cluster");
    Path invalid =
        write(
            "invalid.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: []}\n");
    ProcessResult rejected = skiff("apply", "-f", invalid.toString());

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr())
        .isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    assertThat(unknownType.exitCode()).isEqualTo(1);
    assertThat(unknownType.stderr())
        .contains("error: the server doesn't have a resource type \"foos\"");
    assertThat(noType.exitCode()).isEqualTo(2);
    assertThat(noType.stderr()).contains("error: you must specify the type of resource");
    assertThat(badFlag.exitCode()).isEqualTo(2);
    assertThat(badFlag.stderr()).contains("Unknown option: '--frobnicate'");
    assertThat(badOutput.exitCode()).isEqualTo(2);
    assertThat(noFile.exitCode()).isEqualTo(1);
    assertThat(noFile.stderr()).contains("does not exist");
    assertThat(noCluster.exitCode()).isEqualTo(1);
    assertThat(noCluster.stderr()).contains("cluster \"no-such-cluster\" has no kubeconfig");
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.stderr())
        .startsWith("The ")
        .contains("\"bad\" is invalid: spec.containers: Required value");
  }

  @Test
  void runStartsAPodWhoseLogsCanBeRead() throws Exception {
    String ns = namespace("run");

    ProcessResult run =
        skiff(
            "run",
            "hello",
            "--image",
            "busybox",
            "--labels",
            "app=hello",
            "-n",
            ns,
            "--command",
            "--",
            "sh",
            "-c",
            "echo hello from skiff; echo second line; sleep 3600");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.stdout()).isEqualTo("pod/hello created\n");
    assertThat(skiff("get", "pods", "-n", ns, "-l", "app=hello", "-o", "name").stdout())
        .isEqualTo("pod/hello\n");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(skiff("logs", "hello", "-n", ns).stdout())
                    .isEqualTo("hello from skiff\nsecond line\n"));
    assertThat(skiff("logs", "pod/hello", "-n", ns, "--tail", "1").stdout())
        .isEqualTo("second line\n");
  }

  @Test
  void exposeSelectsThePodsLabelsAndScaleChangesReplicas() throws Exception {
    String ns = namespace("expose");
    apply(ns, deployment("web", 1));
    skiff(
        "run",
        "solo",
        "--image",
        "busybox",
        "--labels",
        "app=solo,tier=be",
        "--port",
        "9090",
        "-n",
        ns,
        "--command",
        "--",
        "sleep",
        "3600");

    ProcessResult fromDeployment =
        skiff("expose", "deployment/web", "--port", "80", "--target-port", "8080", "-n", ns);
    ProcessResult fromPod =
        skiff("expose", "pod/solo", "--type", "NodePort", "--name", "solo-np", "-n", ns);
    ProcessResult scaled = skiff("scale", "deployment/web", "--replicas", "3", "-n", ns);

    assertThat(fromDeployment.exitCode()).as(fromDeployment.all()).isZero();
    assertThat(fromDeployment.stdout()).isEqualTo("service/web exposed\n");
    JsonNode web =
        Json.tree(
            skiff("get", "svc", "web", "-n", ns, "-o", "json")
                .stdout()
                .getBytes(StandardCharsets.UTF_8));
    assertThat(web.path("spec").path("selector").toString()).isEqualTo("{\"app\":\"web\"}");
    assertThat(web.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(8080);
    assertThat(fromPod.stdout()).isEqualTo("service/solo-np exposed\n");
    JsonNode solo =
        Json.tree(
            skiff("get", "svc/solo-np", "-n", ns, "-o", "json")
                .stdout()
                .getBytes(StandardCharsets.UTF_8));
    assertThat(solo.path("spec").path("selector").toString())
        .isEqualTo("{\"app\":\"solo\",\"tier\":\"be\"}");
    assertThat(solo.path("spec").path("type").asText()).isEqualTo("NodePort");
    assertThat(solo.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(9090);
    assertThat(scaled.exitCode()).as(scaled.all()).isZero();
    assertThat(scaled.stdout()).isEqualTo("deployment.apps/web scaled\n");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(
                        skiff("get", "pods", "-n", ns, "-l", "app=web", "-o", "name")
                            .stdout()
                            .lines())
                    .hasSize(3));
    assertThat(skiff("scale", "pod/solo", "--replicas", "2", "-n", ns).exitCode()).isEqualTo(2);
  }

  @Test
  void traceDrawsThePathAndExplainsPodsThatGetNoTraffic() throws Exception {
    String ns = namespace("trace");
    apply(
        ns,
        pod("t-1", "app: t\n    tier: frontend", "sleep 3600")
            + "---\n"
            + unreadyPod("t-2", "app: t\n    tier: frontend")
            + "---\n"
            + pod("t-3", "app: t", "sleep 3600")
            + "---\n"
            + pod("t-4", "app: t\n    tier: backend", "sleep 3600")
            + "---\n"
            + service("t", "app: t\n    tier: frontend", "LoadBalancer"));

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              ProcessResult trace = skiff("trace", "service/t", "-n", ns);
              assertThat(trace.exitCode()).as(trace.all()).isZero();
              assertThat(trace.stdout())
                  .startsWith("Service " + ns + "/t: LoadBalancer, selector app=t,tier=frontend\n")
                  .contains("● LoadBalancer ingress\n", "● NodePort ", "● ClusterIP 127.")
                  .contains("● Endpoints (1 of 2 ready)\n")
                  .containsPattern("t-1 +127\\.[0-9.]+:8080 +node-1 +yes")
                  .containsPattern("t-2 +127\\.[0-9.]+:8080 +node-1 +no")
                  .contains("pod t-2 is selected but not Ready (readiness probe failing)\n")
                  .contains("pod t-3 is not selected: it lacks label tier=frontend\n")
                  .contains(
                      "pod t-4 is not selected: has tier=backend, selector wants tier=frontend\n");
            });
    // Connections through the LoadBalancer ingress are counted per node NodePort by the load
    // balancer (it runs apart from the nodes), and the trace shows them on the node's row.
    String ingress =
        Json.tree(
                skiff("get", "svc", "t", "-n", ns, "-o", "json")
                    .stdout()
                    .getBytes(StandardCharsets.UTF_8))
            .path("status")
            .path("loadBalancer")
            .path("ingress")
            .get(0)
            .path("ip")
            .asText();
    for (int i = 0; i < 3; i++) {
      try (java.net.Socket s = new java.net.Socket(ingress, 80)) {
        s.setSoTimeout(2000);
        s.getInputStream().read(); // the pod does not listen: the connection ends at once
      } catch (IOException ended) {
        // reset by the node's proxy: still one connection the load balancer forwarded
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(skiff("trace", "service/t", "-n", ns).stdout())
                    .containsPattern("node-1 +127\\.[0-9.]+:3[0-9]{4} +yes +[1-9]"));
    ProcessResult missing = skiff("trace", "svc/none", "-n", ns);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr())
        .isEqualTo("Error from server (NotFound): services \"none\" not found\n");
  }

  @Test
  void completionScriptsAndHelpWithExamplesAndNoColoursOffATerminal() throws Exception {
    ProcessResult bash = cli.skiff("completion", "bash");
    ProcessResult zsh = cli.skiff("completion", "zsh");
    ProcessResult fish = cli.skiff("completion", "fish");
    ProcessResult help = cli.skiff("get", "--help");

    assertThat(bash.exitCode()).isZero();
    assertThat(bash.stdout()).contains("complete -F", "skiff", "trace", "describe");
    assertThat(zsh.stdout()).contains("bashcompinit");
    assertThat(fish.exitCode()).isEqualTo(2);
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("Usage: skiff get", "Examples:", "-o, --output=FORMAT");
    assertThat(help.stdout() + skiff("trace", "svc/none").stderr()).doesNotContain("\u001B[");
  }

  // --- helpers ---

  /** The CLI with the cluster option right after the subcommand (before any {@code --}). */
  private static ProcessResult skiff(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.isEmpty()) {
      all.addAll(1, List.of(all.get(0).equals("expose") ? "--cluster" : "--name", cluster));
    }
    return cli.skiff(all.toArray(String[]::new));
  }

  /** Like {@link #skiff} with stdin read from {@code input}. */
  private static ProcessResult skiffWithStdin(Path input, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--name");
    all.add(cluster);
    return cli.skiffWithInput(Files.readString(input), all.toArray(String[]::new));
  }

  private static String namespace(String prefix) throws Exception {
    String ns = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    ProcessResult created =
        skiff(
            "apply",
            "-f",
            write(ns + ".yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n")
                .toString());
    assertThat(created.exitCode()).as(created.all()).isZero();
    return ns;
  }

  private static void apply(String ns, String yaml) throws Exception {
    ProcessResult applied =
        skiff(
            "apply",
            "-f",
            write(ns + "-" + UUID.randomUUID() + ".yaml", yaml).toString(),
            "-n",
            ns);
    assertThat(applied.exitCode()).as(applied.all()).isZero();
  }

  private static void awaitReady(String ns, String pod) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(skiff("get", "pod", pod, "-n", ns).stdout())
                    .containsPattern(pod + " +1/1 +Running"));
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(home.resolve(name), text);
  }

  private static String pod(String name, String labels, String command) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          labels:
            %s
        spec:
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "%s"]
            ports: [{containerPort: 8080}]
        """
        .formatted(name, labels, command);
  }

  /** A pod whose readiness probe never passes (nothing listens on 8080). */
  private static String unreadyPod(String name, String labels) {
    return pod(name, labels, "sleep 3600")
        + "    readinessProbe:\n      tcpSocket: {port: 8080}\n      periodSeconds: 1\n";
  }

  private static String service(String name, String selector, String type) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %s
        spec:
          type: %s
          selector:
            %s
          ports:
          - port: 80
            targetPort: 8080
        """
        .formatted(name, type, selector);
  }

  private static String deployment(String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          labels: {app: %s}
        spec:
          replicas: %d
          selector:
            matchLabels: {app: %s}
          template:
            metadata:
              labels: {app: %s}
            spec:
              containers:
              - name: main
                image: busybox
                command: ["sleep", "3600"]
                ports: [{containerPort: 8080}]
        """
        .formatted(name, name, replicas, name, name);
  }
}
