package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.access.AgentAccess;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.testing.FreePorts;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a joined node's credential may do, through the real kubectl with the node's own kubeconfig
 * (Kubernetes' Node authorizer and NodeRestriction admission), and who a node agent serves (only
 * the API servers' client certificate): one {@code skiff server} and two {@code skiff agent}s, each
 * on its own loopback address and data directory, as on separate machines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeRestrictionE2E {
  static final String SERVER = "127.0.0.31";
  static final String AGENT_A = "127.0.0.32";
  static final String AGENT_B = "127.0.0.33";

  @TempDir static Path home;
  final List<MultiMachineE2E.Machine> machines = new ArrayList<>();
  MultiMachineE2E.Machine server;
  MultiMachineE2E.Machine agentA;
  MultiMachineE2E.Machine agentB;
  int agentPortB;

  @BeforeAll
  void startMachines() throws Exception {
    int api = FreePorts.on(SERVER);
    server =
        start(
            "server",
            "server",
            "--address",
            SERVER,
            "--port",
            "" + api,
            "--member-port",
            "" + FreePorts.on(SERVER),
            "--service-cidr",
            "127.94.0.0/16");
    server.awaitLine("skiff server: ready");
    String url = "https://" + SERVER + ":" + api;
    String token = Files.readString(server.dataDir().resolve("join-token")).strip();
    agentPortB = FreePorts.on(AGENT_B);
    agentA = joinAgent("node-a", AGENT_A, FreePorts.on(AGENT_A), url, token);
    agentA.awaitLine("skiff agent: ready");
    agentB = joinAgent("node-b", AGENT_B, agentPortB, url, token);
    agentB.awaitLine("skiff agent: ready");
    Path manifest = home.resolve("on-b.yaml");
    Files.writeString(
        manifest,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: on-b}
        spec:
          nodeName: node-b
          containers:
          - name: c
            image: skiff/busybox:1
            command: [sh, -c, "echo hello from node-b; exec sleep 3600"]
        """);
    ok(admin(), "apply", "-f", manifest.toString());
    ok(admin(), "wait", "--for=condition=Ready", "pod/on-b", "--timeout=90s");
  }

  private MultiMachineE2E.Machine joinAgent(
      String name, String address, int port, String url, String token) throws IOException {
    return start(
        name,
        "agent",
        "--server",
        url,
        "--token",
        token,
        "--node-name",
        name,
        "--address",
        address,
        "--port",
        "" + port,
        "--pod-cidr",
        name.equals("node-a") ? "127.1.2.0/24" : "127.1.3.0/24");
  }

  @AfterAll
  void stopMachines() throws Exception {
    for (MultiMachineE2E.Machine m : machines) {
      m.process().destroy();
    }
    for (MultiMachineE2E.Machine m : machines) {
      if (!m.process().waitFor(60, TimeUnit.SECONDS)) {
        m.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @Order(1)
  void aNodeCannotModifyAnotherNode() throws IOException {
    ProcessResult other = nodeA().run("label", "node", "node-b", "example.com/taken-by=node-a");
    assertThat(other.exitCode()).as(other.all()).isNotZero();
    assertThat(other.stderr())
        .contains(
            "Error from server (Forbidden): nodes \"node-b\" is forbidden: node \"node-a\" is not"
                + " allowed to modify node \"node-b\"");
    // as a kubelet would write it: a PUT of nodes/status (a node may not read nodes/status, so
    // kubectl patch --subresource=status stops at its GET)
    Path nodeB = home.resolve("node-b.json");
    Files.writeString(nodeB, ok(admin(), "get", "node", "node-b", "-o", "json"));
    ProcessResult status =
        nodeA().run("replace", "--raw", "/api/v1/nodes/node-b/status", "-f", nodeB.toString());
    assertThat(status.exitCode()).as(status.all()).isNotZero();
    assertThat(status.stderr())
        .contains("node \"node-a\" is not allowed to modify node \"node-b\"");
    ProcessResult delete = nodeA().run("delete", "node", "node-b");
    assertThat(delete.exitCode()).as(delete.all()).isNotZero();
    assertThat(delete.stderr()).contains("Forbidden");
    assertThat(ok(admin(), "get", "node", "node-b", "-o", "jsonpath={.metadata.labels}"))
        .doesNotContain("taken-by");
  }

  @Test
  @Order(1)
  void aNodeLabelsItselfOnlyWithLabelsAKubeletMaySet() {
    ProcessResult restricted =
        nodeA().run("label", "node", "node-a", "node-restriction.kubernetes.io/pool=gold");
    assertThat(restricted.exitCode()).as(restricted.all()).isNotZero();
    assertThat(restricted.stderr())
        .contains(
            "nodes \"node-a\" is forbidden: is not allowed to modify labels:"
                + " node-restriction.kubernetes.io/pool");
    ProcessResult role =
        nodeA().run("label", "node", "node-a", "node-role.kubernetes.io/control-plane=");
    assertThat(role.exitCode()).as(role.all()).isNotZero();
    assertThat(role.stderr())
        .contains("is not allowed to modify labels: node-role.kubernetes.io/control-plane");
    ProcessResult own = nodeA().run("label", "node", "node-a", "example.com/disk=ssd");
    assertThat(own.exitCode()).as(own.all()).isZero();
    assertThat(ok(admin(), "get", "node", "node-a", "-o", "jsonpath={.metadata.labels}"))
        .contains("\"example.com/disk\":\"ssd\"")
        .doesNotContain("node-restriction");
  }

  @Test
  @Order(1)
  void aNodeWritesOnlyThePodsBoundToItAndItsOwnLease() throws IOException {
    Path pod = home.resolve("on-b.json");
    Files.writeString(pod, ok(admin(), "get", "pod", "on-b", "-o", "json"));
    ProcessResult status =
        nodeA()
            .run(
                "replace",
                "--raw",
                "/api/v1/namespaces/default/pods/on-b/status",
                "-f",
                pod.toString());
    assertThat(status.exitCode()).as(status.all()).isNotZero();
    assertThat(status.stderr())
        .contains(
            "pods \"on-b\" is forbidden: node \"node-a\" can only update pod status for pods with"
                + " spec.nodeName set to itself");
    ProcessResult delete = nodeA().run("delete", "pod", "on-b", "--wait=false");
    assertThat(delete.exitCode()).as(delete.all()).isNotZero();
    assertThat(delete.stderr())
        .contains(
            "pods \"on-b\" is forbidden: node \"node-a\" can only delete pods with spec.nodeName"
                + " set to itself");
    ProcessResult create = nodeA().run("run", "smuggled", "--image=skiff/busybox:1");
    assertThat(create.exitCode()).as(create.all()).isNotZero();
    assertThat(create.stderr())
        .contains(
            "pod does not have \"kubernetes.io/config.mirror\" annotation, node \"node-a\" can"
                + " only create mirror pods");
    ProcessResult lease = nodeA().run("get", "lease", "node-b", "-n", "kube-node-lease");
    assertThat(lease.exitCode()).as(lease.all()).isNotZero();
    assertThat(lease.stderr())
        .contains(
            "leases.coordination.k8s.io \"node-b\" is forbidden: User \"system:node:node-a\""
                + " cannot get resource \"leases\" in API group \"coordination.k8s.io\" in the"
                + " namespace \"kube-node-lease\": can only access node lease with the same name"
                + " as the requesting node");
    ProcessResult own = nodeA().run("get", "lease", "node-a", "-n", "kube-node-lease");
    assertThat(own.exitCode()).as(own.all()).isZero();
    assertThat(ok(admin(), "get", "pod", "on-b", "-o", "jsonpath={.status.phase}"))
        .isEqualTo("Running");
  }

  @Test
  @Order(2)
  void theAgentServesOnlyTheApiServersClientCertificate() throws Exception {
    Path ca = server.dataDir().resolve("ca.crt");
    String logs = "https://" + AGENT_B + ":" + agentPortB + "/containerLogs/default/on-b/c";
    // the API servers' certificate is served (and logs and exec through the API still work)
    Path cert = server.dataDir().resolve("apiserver-kubelet-client.crt");
    Path key = server.dataDir().resolve("apiserver-kubelet-client.key");
    assertThat(curl(ca, logs, "--cert", cert.toString(), "--key", key.toString()).stdout())
        .isEqualTo("200");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(ok(admin(), "logs", "on-b")).contains("hello from node-b"));
    assertThat(ok(admin(), "exec", "on-b", "--", "echo", "exec on node-b"))
        .isEqualToIgnoringNewLines("exec on node-b");
    // nothing a node holds opens another node's agent: no certificate is 401, node A's own
    // serving certificate (the cluster CA's, but not a client certificate) fails the handshake
    assertThat(curl(ca, logs).stdout()).isEqualTo("401");
    String nodeToken =
        Files.readAllLines(agentA.dataDir().resolve("kubeconfig")).stream()
            .filter(l -> l.strip().startsWith("token:"))
            .findFirst()
            .orElseThrow()
            .strip()
            .substring("token:".length())
            .strip();
    assertThat(curl(ca, logs, "-H", "Authorization: Bearer " + nodeToken).stdout())
        .isEqualTo("401");
    ProcessResult serving =
        curl(
            ca,
            logs,
            "--cert",
            agentA.dataDir().resolve("agent-serving.crt").toString(),
            "--key",
            agentA.dataDir().resolve("agent-serving.key").toString());
    assertThat(serving.stdout()).as(serving.all()).isEqualTo("000");
    assertThat(Files.exists(agentA.dataDir().resolve("agent-token"))).isFalse();
    assertThat(Files.exists(agentA.dataDir().resolve("apiserver-kubelet-client.key"))).isFalse();
    // a client certificate with the right name from another CA fails the handshake
    ServingCertificate other =
        ServingCertificate.authority("another-ca").issueClient(AgentAccess.API_SERVER_CLIENT);
    Path otherCert = home.resolve("other.crt");
    Path otherKey = home.resolve("other.key");
    Files.writeString(otherCert, other.certificatePem());
    Files.writeString(otherKey, other.privateKeyPem());
    ProcessResult foreign =
        curl(ca, logs, "--cert", otherCert.toString(), "--key", otherKey.toString());
    assertThat(foreign.stdout()).as(foreign.all()).isEqualTo("000");
  }

  private static ProcessResult curl(Path ca, String url, String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl",
                "-sS",
                "-m",
                "10",
                "--cacert",
                ca.toString(),
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}"));
    command.addAll(List.of(extra));
    command.add(url);
    return Processes.run(Duration.ofSeconds(20), command.toArray(String[]::new));
  }

  private MultiMachineE2E.Machine start(String name, String... args) throws IOException {
    Path dataDir = home.resolve(name);
    Path log = home.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx320m");
    command.add("-jar");
    command.add(SkiffProcess.cliJar().toString());
    command.addAll(List.of(args));
    command.add("--data-dir");
    command.add(dataDir.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("SKIFF_HOME", home.toString());
    MultiMachineE2E.Machine machine =
        new MultiMachineE2E.Machine(name, builder.start(), log, dataDir);
    machines.add(machine);
    return machine;
  }

  private Path admin() {
    return server.dataDir().resolve("kubeconfig");
  }

  private Kubectl nodeA() {
    return Kubectl.in(home.resolve("kubectl-node-a"), agentA.dataDir().resolve("kubeconfig"));
  }

  private String ok(Path kubeconfig, String... args) {
    ProcessResult r = Kubectl.in(home.resolve("kubectl"), kubeconfig).run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.all()).isZero();
    return r.stdout();
  }
}
