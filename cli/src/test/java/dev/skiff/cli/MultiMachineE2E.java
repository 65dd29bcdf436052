package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.FreePorts;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster across "machines": each is its own loopback address and data directory, each role its
 * own {@code skiff} process, as on separate hosts. Two {@code skiff server} replicas (the second
 * joins the first with the join token) and one {@code skiff agent} (joining through the second);
 * the real kubectl against either server; a pod on the joined node; a wrong token refused; private
 * files; one server killed while the other serves reads (and refuses writes: one of two is no
 * majority) until it restarts on its data directory; SIGTERM stops the rest cleanly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiMachineE2E {
  static final String SERVER_A = "127.0.0.21";
  static final String SERVER_B = "127.0.0.22";
  static final String AGENT_C = "127.0.0.23";
  static final String SERVICE_CIDR = "127.93.0.0/16";
  static final String NODE = "machine-c";
  static final Duration START = Duration.ofSeconds(120);

  @TempDir static Path home;
  final List<Machine> machines = new ArrayList<>();
  Machine serverA;
  Machine serverB;
  Machine agentC;
  String urlA;
  String urlB;
  String joinToken;
  int agentPort;
  int memberPortA;
  int memberPortB;

  /** One role's process and its output (stdout and stderr in one file). */
  record Machine(String name, Process process, Path log, Path dataDir) {
    String output() throws IOException {
      return Files.readString(log);
    }

    void awaitLine(String text) {
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                String out = output();
                assertThat(process.isAlive() || out.contains(text))
                    .as(name + " exited early:\n" + out)
                    .isTrue();
                assertThat(out).as(name).contains(text);
              });
    }
  }

  @BeforeAll
  void startMachines() throws Exception {
    int apiA = FreePorts.on(SERVER_A);
    int apiB = FreePorts.on(SERVER_B);
    memberPortA = FreePorts.on(SERVER_A);
    memberPortB = FreePorts.on(SERVER_B);
    urlA = "https://" + SERVER_A + ":" + apiA;
    urlB = "https://" + SERVER_B + ":" + apiB;
    serverA =
        start(
            "server-a",
            "server",
            "--address",
            SERVER_A,
            "--port",
            "" + apiA,
            "--member-port",
            "" + memberPortA,
            "--service-cidr",
            SERVICE_CIDR);
    serverA.awaitLine("skiff server: ready");
    joinToken = Files.readString(serverA.dataDir().resolve("join-token")).strip();
    assertThat(serverA.output()).contains(joinToken).contains("add a node:");
    serverB =
        start(
            "server-b",
            "server",
            "--address",
            SERVER_B,
            "--port",
            "" + apiB,
            "--member-port",
            "" + memberPortB,
            "--join",
            urlA,
            "--token",
            joinToken);
    serverB.awaitLine("skiff server: ready");
    agentPort = FreePorts.on(AGENT_C);
    agentC =
        start(
            "agent-c",
            "agent",
            "--server",
            urlB,
            "--token",
            joinToken,
            "--node-name",
            NODE,
            "--address",
            AGENT_C,
            "--port",
            "" + agentPort);
    agentC.awaitLine("skiff agent: ready");
  }

  @AfterAll
  void stopMachines() throws Exception {
    for (Machine m : machines) {
      m.process().destroy();
    }
    for (Machine m : machines) {
      if (!m.process().waitFor(60, TimeUnit.SECONDS)) {
        m.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @Order(1)
  void bothServersServeOneClusterToKubectlAndTheJoinedNodeIsReady() throws Exception {
    await()
        .atMost(START)
        .untilAsserted(() -> assertThat(nodeReady(admin(serverA))).isEqualTo("True"));
    ok(admin(serverB), "create", "configmap", "from-b", "--from-literal=k=v");
    assertThat(ok(admin(serverA), "get", "configmap", "from-b", "-o", "jsonpath={.data.k}"))
        .isEqualTo("v");
    assertThat(ok(admin(serverA), "get", "node", NODE, "-o", "jsonpath={.status.addresses}"))
        .contains(AGENT_C);
    assertThat(Files.readString(serverB.dataDir().resolve("kubeconfig")))
        .contains("server: " + urlB)
        .contains("certificate-authority-data:")
        .doesNotContain("insecure");
  }

  @Test
  @Order(2)
  void everyReplicaServesACertificateOfTheClusterCaForItsAddressAndTheKubernetesClusterIp()
      throws Exception {
    String ca = Files.readString(serverA.dataDir().resolve("ca.crt"));
    assertThat(Files.readString(serverB.dataDir().resolve("ca.crt"))).isEqualTo(ca);
    for (String url : List.of(urlA, urlB)) {
      X509Certificate served = servedCertificate(url, ca);
      List<String> names = new ArrayList<>();
      for (List<?> san : served.getSubjectAlternativeNames()) {
        names.add(san.get(1).toString());
      }
      String host = url.substring("https://".length(), url.lastIndexOf(':'));
      assertThat(names).contains(host, "127.93.0.1", "kubernetes.default.svc");
    }
    // the default/kubernetes Service's endpoints are both replicas
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ok(
                            admin(serverA),
                            "get",
                            "endpoints",
                            "kubernetes",
                            "-o",
                            "jsonpath={.subsets[*].addresses[*].ip}"))
                    .contains(SERVER_A)
                    .contains(SERVER_B));
  }

  @Test
  @Order(3)
  void aPodRunsOnTheJoinedNode() throws Exception {
    ok(
        admin(serverA),
        "run",
        "sleeper",
        "--image=skiff/busybox:1",
        "--restart=Never",
        "--command",
        "--",
        "sh",
        "-c",
        "echo hello from the joined node; exec sleep 3600");
    ok(admin(serverB), "wait", "--for=condition=Ready", "pod/sleeper", "--timeout=90s");
    assertThat(ok(admin(serverB), "get", "pod", "sleeper", "-o", "jsonpath={.spec.nodeName}"))
        .isEqualTo(NODE);
    assertThat(ok(admin(serverA), "get", "pod", "sleeper", "-o", "jsonpath={.status.podIP}"))
        .startsWith("127.1.1.");
    // logs and exec go from either replica to the joined agent over TLS: the agent's serving
    // certificate came with its join grant, signed by the cluster CA that the replicas verify
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(ok(admin(serverA), "logs", "sleeper"))
                    .contains("hello from the joined node"));
    assertThat(ok(admin(serverB), "exec", "sleeper", "--", "echo", "exec via server-b"))
        .isEqualToIgnoringNewLines("exec via server-b");
  }

  @Test
  @Order(3)
  void theJoinedAgentServesTlsFromTheClusterCaAndRefusesCallersWithoutTheApiServersCredential()
      throws Exception {
    Path ca = serverA.dataDir().resolve("ca.crt");
    String url = "https://" + AGENT_C + ":" + agentPort + "/containerLogs/default/sleeper/sleeper";
    // curl verifies the agent's certificate against the cluster CA (a failure would be 000)
    ProcessResult anonymous = statusOf(ca, url, "X-Anonymous: yes");
    assertThat(anonymous.stdout()).as(anonymous.all()).isEqualTo("401");
    String adminToken = Files.readString(serverA.dataDir().resolve("token")).strip();
    ProcessResult admin = statusOf(ca, url, "Authorization: Bearer " + adminToken);
    assertThat(admin.stdout())
        .as("the admin token is not the agent credential: " + admin.all())
        .isEqualTo("401");
  }

  /** The HTTP status curl gets from {@code url} with one header, verifying against {@code ca}. */
  private static ProcessResult statusOf(Path ca, String url, String header) {
    return Processes.run(
        Duration.ofSeconds(20),
        "curl",
        "-sS",
        "--cacert",
        ca.toString(),
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-H",
        header,
        url);
  }

  @Test
  @Order(4)
  void theNodeUsesItsOwnCredentialAsSystemNodeName() throws Exception {
    Path nodeKubeconfig = agentC.dataDir().resolve("kubeconfig");
    String kubeconfig = Files.readString(nodeKubeconfig);
    assertThat(kubeconfig).contains("token: skiff-node:" + NODE + ":").doesNotContain(joinToken);
    String adminToken = Files.readString(serverA.dataDir().resolve("token")).strip();
    assertThat(kubeconfig).doesNotContain(adminToken);
    Kubectl node = Kubectl.in(home.resolve("kubectl-node"), nodeKubeconfig);
    ProcessResult whoami = node.run("auth", "whoami", "-o", "jsonpath={.status.userInfo}");
    assertThat(whoami.exitCode()).as(whoami.all()).isZero();
    assertThat(whoami.stdout())
        .contains("\"username\":\"system:node:" + NODE + "\"")
        .contains("system:nodes");
    assertThat(node.run("get", "pods", "-A").exitCode()).isZero();
    ProcessResult denied = node.run("create", "namespace", "not-for-nodes");
    assertThat(denied.exitCode()).isNotZero();
    assertThat(denied.stderr()).contains("Forbidden");
  }

  @Test
  @Order(5)
  void aWrongJoinTokenIsRefused() throws Exception {
    String fingerprint = joinToken.substring(4, 4 + 64);
    ProcessResult wrongSecret =
        new SkiffProcess(home)
            .skiff(
                "agent",
                "--server",
                urlA,
                "--token",
                "SK10" + fingerprint + "::" + "0".repeat(32),
                "--node-name",
                "intruder",
                "--address",
                "127.0.0.24",
                "--data-dir",
                home.resolve("intruder").toString());
    assertThat(wrongSecret.exitCode()).as(wrongSecret.all()).isEqualTo(1);
    assertThat(wrongSecret.stderr()).contains("refused the join token (401 Unauthorized)");
    ProcessResult wrongCa =
        new SkiffProcess(home)
            .skiff(
                "server",
                "--join",
                urlB,
                "--token",
                "SK10" + "ab".repeat(32) + joinToken.substring(4 + 64),
                "--address",
                "127.0.0.25",
                "--data-dir",
                home.resolve("impostor").toString());
    assertThat(wrongCa.exitCode()).as(wrongCa.all()).isEqualTo(1);
    assertThat(wrongCa.stderr()).contains("is not the one the join token names");
    assertThat(Files.exists(home.resolve("impostor").resolve("ca.key"))).isFalse();
    ProcessResult nodes = Kubectl.in(home.resolve("kubectl-a"), admin(serverA)).run("get", "nodes");
    assertThat(nodes.stdout()).doesNotContain("intruder");
    ProcessResult secrets =
        Kubectl.in(home.resolve("kubectl-a"), admin(serverA))
            .run("get", "secrets", "-n", "kube-system", "-o", "name");
    assertThat(secrets.stdout())
        .contains("secret/skiff-join-token")
        .contains("secret/skiff-node-token-" + NODE)
        .doesNotContain("intruder");
  }

  @Test
  @Order(6)
  void keysAndTokensAreReadableByTheOwnerOnly() throws Exception {
    Map<Machine, List<String>> files =
        Map.of(
            serverA,
            List.of(
                "ca.key",
                "ca.crt",
                "token",
                "apiserver-kubelet-client.key",
                "join-token",
                "cluster-name",
                "kubeconfig"),
            serverB,
            List.of(
                "ca.key",
                "ca.crt",
                "token",
                "apiserver-kubelet-client.key",
                "cluster-name",
                "kubeconfig"),
            agentC,
            List.of("kubeconfig", "ca.crt", "agent-serving.crt", "agent-serving.key"));
    for (var entry : files.entrySet()) {
      Path dir = entry.getKey().dataDir();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .as(dir.toString())
          .isEqualTo("rwx------");
      for (String name : entry.getValue()) {
        Path file = dir.resolve(name);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Test
  @Order(7)
  void whenOneServerIsKilledTheOtherServesReadsAndRefusesWritesUntilItRestarts() throws Exception {
    serverA.process().destroyForcibly();
    assertThat(serverA.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    Path kubeconfigB = admin(serverB);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(ok(kubeconfigB, "get", "configmap", "from-b", "-o", "jsonpath={.data.k}"))
                  .isEqualTo("v");
              assertThat(
                      ok(kubeconfigB, "get", "pod", "sleeper", "-o", "jsonpath={.spec.nodeName}"))
                  .isEqualTo(NODE);
            });
    // one replica of two is no majority: B serves reads but refuses writes (like one etcd
    // member of two), since it cannot tell a dead A from a partition
    ProcessResult refused =
        Kubectl.in(home.resolve("kubectl"), kubeconfigB)
            .run("create", "configmap", "after-a", "--from-literal=k=w");
    assertThat(refused.exitCode()).as(refused.all()).isNotZero();
    assertThat(refused.stderr()).contains("cut off from the majority of the store's replicas");
    // the node reaches the cluster through B: it stays Ready
    assertThat(nodeReady(kubeconfigB)).isEqualTo("True");
    // A restarts on its data directory, rejoins B, and writes work again
    machines.remove(serverA);
    serverA =
        start(
            "server-a",
            "server",
            "--address",
            SERVER_A,
            "--port",
            urlA.substring(urlA.lastIndexOf(':') + 1),
            "--member-port",
            "" + memberPortA,
            "--members",
            SERVER_B + ":" + memberPortB);
    serverA.awaitLine("skiff server: ready");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        Kubectl.in(home.resolve("kubectl"), kubeconfigB)
                            .run("create", "configmap", "after-a", "--from-literal=k=w")
                            .exitCode())
                    .isZero());
    assertThat(ok(admin(serverA), "get", "configmap", "after-a", "-o", "jsonpath={.data.k}"))
        .isEqualTo("w");
  }

  @Test
  @Order(8)
  void sigtermStopsTheAgentAndTheServerCleanly() throws Exception {
    for (Machine m : List.of(agentC, serverB)) {
      m.process().destroy(); // SIGTERM
      assertThat(m.process().waitFor(90, TimeUnit.SECONDS)).as(m.name()).isTrue();
      assertThat(m.output()).as(m.name()).contains("stopping").contains(": stopped");
    }
  }

  private Machine start(String name, String... args) throws IOException {
    Path dataDir = home.resolve(name);
    Path log = home.resolve(name + ".log");
    List<String> command = SkiffProcess.roleCommand(args);
    command.add("--data-dir");
    command.add(dataDir.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("SKIFF_HOME", home.toString());
    Machine machine = new Machine(name, builder.start(), log, dataDir);
    machines.add(machine);
    return machine;
  }

  /** The joined node's Ready condition status, as {@code server} reports it. */
  private String nodeReady(Path kubeconfig) {
    return ok(
        kubeconfig,
        "get",
        "node",
        NODE,
        "-o",
        "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
  }

  private static Path admin(Machine server) {
    return server.dataDir().resolve("kubeconfig");
  }

  private String ok(Path kubeconfig, String... args) {
    ProcessResult r = Kubectl.in(home.resolve("kubectl"), kubeconfig).run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.all()).isZero();
    return r.stdout();
  }

  /** The certificate {@code url} serves, verified against the cluster CA for its address. */
  private static X509Certificate servedCertificate(String url, String caPem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    String hostPort = url.substring("https://".length());
    String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
    int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(host, port), 5000);
      var parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }
}
