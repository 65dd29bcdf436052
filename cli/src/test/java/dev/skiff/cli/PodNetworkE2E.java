package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Pod networking across machines. Each "machine" is a network namespace with its own address on a
 * test switch (a bridge in a namespace of its own: nothing is added to the host's interfaces or
 * routes, and the 10.250/10.251/10.252 ranges exist only inside these namespaces): one {@code skiff
 * server} and two {@code skiff agent --pod-network bridge}, each a process started in its machine
 * with {@code ip netns exec}. A pod on node A reaches a pod on node B by pod IP, through a
 * ClusterIP Service and through a NodePort of node B; cluster DNS answers from pods on both nodes
 * and on each node's own DNS server; the host-gateway routes follow the Node objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodNetworkE2E {
  static final Duration START = Duration.ofSeconds(240);

  /** Names of this run's namespaces and switch ports (short: interface names are 15 at most). */
  static final String TAG = "pn" + Long.toString(ProcessHandle.current().pid() % 46656, 36);

  static final String SWITCH = TAG + "-sw";
  static final String SERVER = "10.250.77.1";
  static final String NODE_A = "10.250.77.2";
  static final String NODE_B = "10.250.77.3";
  static final String POD_CIDR_A = "10.251.1.0/24";
  static final String POD_CIDR_B = "10.251.2.0/24";
  static final String SERVICE_CIDR = "10.252.0.0/16";
  static final String KUBE_DNS = "10.252.0.10";
  static final String NAME_A = TAG + "-a";
  static final String NAME_B = TAG + "-b";

  @TempDir static Path home;
  final List<String> namespaces = new ArrayList<>();
  final List<Process> processes = new ArrayList<>();
  Path kubeconfig;
  String podB;

  @BeforeAll
  void startMachines() throws Exception {
    namespace(SWITCH);
    sh("ip", "-n", SWITCH, "link", "add", "br0", "type", "bridge");
    sh("ip", "-n", SWITCH, "link", "set", "br0", "up");
    machine("srv", SERVER);
    machine("a", NODE_A);
    machine("b", NODE_B);
    Process server =
        start(
            "srv",
            "server",
            "--address",
            SERVER,
            "--port",
            "6443",
            "--member-port",
            "5701",
            "--service-cidr",
            SERVICE_CIDR);
    awaitLine("srv", server, "skiff server: ready");
    Path serverDir = home.resolve("srv");
    kubeconfig = serverDir.resolve("kubeconfig");
    String token = Files.readString(serverDir.resolve("join-token")).strip();
    Process a = startAgent("a", NAME_A, NODE_A, POD_CIDR_A, token);
    Process b = startAgent("b", NAME_B, NODE_B, POD_CIDR_B, token);
    awaitLine("a", a, "skiff agent: ready");
    awaitLine("b", b, "skiff agent: ready");
    assertThat(Files.readString(home.resolve("a.log")))
        .contains("pod network: bridge skiff0")
        .contains("pods from " + POD_CIDR_A);
    apply(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web-b, labels: {app: web}}
        spec:
          nodeName: NODE_B
          containers:
          - name: web
            image: skiff/busybox:1
            command: ["sh", "-c", "echo hello from $HOSTNAME > index.html && exec busybox httpd -f -p 8080 -h ."]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-np}
        spec:
          type: NodePort
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client-a}
        spec:
          nodeName: NODE_A
          containers:
          - {name: c, image: skiff/busybox:1, command: ["sleep", "3600"]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client-b}
        spec:
          nodeName: NODE_B
          containers:
          - {name: c, image: skiff/busybox:1, command: ["sleep", "3600"]}
        """
            .replace("NODE_A", NAME_A)
            .replace("NODE_B", NAME_B));
    kubectl(
        "wait",
        "--for=condition=Ready",
        "pod/web-b",
        "pod/client-a",
        "pod/client-b",
        "--timeout=90s");
    podB = kubectl("get", "pod", "web-b", "-o", "jsonpath={.status.podIP}");
  }

  @AfterAll
  void stopMachines() throws Exception {
    try {
      for (Process p : processes) {
        p.destroy();
      }
      for (Process p : processes) {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } finally {
      for (String ns : namespaces) {
        Processes.run(Duration.ofSeconds(10), "ip", "netns", "del", ns);
      }
      // the agents' pod namespaces live in their mount namespaces; only a name file can remain
      for (String line : sh("ip", "netns", "list").lines().toList()) {
        String ns = line.strip().split("\\s+")[0];
        if (ns.startsWith("skiff-" + TAG + "-")) {
          Processes.run(Duration.ofSeconds(10), "ip", "netns", "del", ns);
        }
      }
    }
  }

  @Test
  @Order(1)
  void podsGetAddressesFromTheirNodesPodCidr() {
    assertThat(podB).startsWith("10.251.2.");
    assertThat(kubectl("get", "pod", "client-a", "-o", "jsonpath={.status.podIP}"))
        .startsWith("10.251.1.");
    assertThat(kubectl("get", "node", NAME_B, "-o", "jsonpath={.spec.podCIDR}"))
        .isEqualTo(POD_CIDR_B);
    // the pod's processes run in its own network namespace: eth0 holds the pod IP
    assertThat(kubectl("exec", "web-b", "--", "busybox", "ip", "-4", "addr", "show", "eth0"))
        .contains("inet " + podB + "/24");
    // exec starts where the container did (its working directory), in the pod's namespace
    assertThat(kubectl("exec", "web-b", "--", "cat", "index.html")).contains("hello from web-b");
  }

  @Test
  @Order(2)
  void eachNodeRoutesTheOtherNodesPodCidrViaItsAddress() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(sh("ip", "-n", TAG + "-a", "-4", "route", "show", "proto", "250"))
                  .contains(POD_CIDR_B + " via " + NODE_B);
              assertThat(sh("ip", "-n", TAG + "-b", "-4", "route", "show", "proto", "250"))
                  .contains(POD_CIDR_A + " via " + NODE_A);
            });
  }

  @Test
  @Order(3)
  void aPodOnNodeAReachesAPodOnNodeBByPodIp() {
    assertThat(fromClientA("http://" + podB + ":8080/")).contains("hello from web-b");
  }

  @Test
  @Order(3)
  void aPodOnNodeAReachesAPodOnNodeBThroughAClusterIp() {
    String clusterIp = kubectl("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");
    assertThat(clusterIp).startsWith("10.252.");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(fromClientA("http://" + clusterIp + "/")).contains("hello from web-b"));
  }

  @Test
  @Order(3)
  void aPodOnNodeAReachesAPodOnNodeBThroughANodePortOfNodeB() {
    String nodePort =
        kubectl("get", "service", "web-np", "-o", "jsonpath={.spec.ports[0].nodePort}");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(fromClientA("http://" + NODE_B + ":" + nodePort + "/"))
                    .contains("hello from web-b"));
  }

  @Test
  @Order(3)
  void clusterDnsAnswersFromPodsOnBothNodesAndOnEachNode() {
    String clusterIp = kubectl("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");
    for (String pod : List.of("client-a", "client-b")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                ProcessResult r =
                    kubectlResult(
                        "exec",
                        pod,
                        "--",
                        "busybox",
                        "nslookup",
                        "web.default.svc.cluster.local",
                        KUBE_DNS);
                assertThat(r.stdout()).as(pod + ": " + r.all()).contains(clusterIp);
              });
    }
    for (String[] node : new String[][] {{"a", NODE_A}, {"b", NODE_B}}) {
      assertThat(
              sh(
                  "ip",
                  "netns",
                  "exec",
                  TAG + "-" + node[0],
                  "dig",
                  "+short",
                  "@" + node[1],
                  "-p",
                  "10053",
                  "web.default.svc.cluster.local"))
          .isEqualToIgnoringNewLines(clusterIp);
    }
  }

  @Test
  @Order(4)
  void aRouteFollowsItsNodeObjectAndGoesWithIt() {
    apply(
        """
        apiVersion: v1
        kind: Node
        metadata: {name: NAME}
        spec: {podCIDR: 10.251.9.0/24, podCIDRs: [10.251.9.0/24]}
        """
            .replace("NAME", TAG + "-gone"));
    kubectl(
        "patch",
        "node",
        TAG + "-gone",
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.250.77.9\"}]}}");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(sh("ip", "-n", TAG + "-a", "-4", "route", "show", "proto", "250"))
                    .contains("10.251.9.0/24 via 10.250.77.9"));
    kubectl("delete", "node", TAG + "-gone");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(sh("ip", "-n", TAG + "-a", "-4", "route", "show", "proto", "250"))
                    .doesNotContain("10.251.9.0/24")
                    .contains(POD_CIDR_B + " via " + NODE_B));
  }

  /** What curl in the pod client-a on node A gets from {@code url}. */
  private String fromClientA(String url) {
    ProcessResult r =
        kubectlResult("exec", "client-a", "--", "curl", "-sS", "--max-time", "5", url);
    assertThat(r.exitCode()).as(url + ": " + r.all()).isZero();
    return r.stdout();
  }

  /** A network namespace of this run, with its loopback up. */
  private void namespace(String name) {
    sh("ip", "netns", "add", name);
    namespaces.add(name);
    sh("ip", "-n", name, "link", "set", "lo", "up");
  }

  /** A machine: its namespace, plugged into the switch with {@code address}/24 on eth0. */
  private void machine(String suffix, String address) {
    String ns = TAG + "-" + suffix;
    namespace(ns);
    String port = TAG + suffix;
    sh(
        "ip", "-n", SWITCH, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns",
        ns);
    sh("ip", "-n", SWITCH, "link", "set", port, "master", "br0", "up");
    sh("ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
    sh("ip", "-n", ns, "link", "set", "eth0", "up");
  }

  private Process startAgent(
      String machine, String name, String address, String podCidr, String token)
      throws IOException {
    return start(
        machine,
        "agent",
        "--server",
        "https://" + SERVER + ":6443",
        "--token",
        token,
        "--node-name",
        name,
        "--address",
        address,
        "--pod-cidr",
        podCidr,
        "--pod-network",
        "bridge");
  }

  /** {@code skiff ARGS} in the machine's namespace, its output in {@code home/MACHINE.log}. */
  private Process start(String machine, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", TAG + "-" + machine));
    command.addAll(SkiffProcess.roleCommand(args));
    command.add("--data-dir");
    command.add(home.resolve(machine).toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(machine + ".log").toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("SKIFF_HOME", home.toString());
    Process p = builder.start();
    processes.add(p);
    return p;
  }

  private static void awaitLine(String machine, Process p, String text) {
    Path log = home.resolve(machine + ".log");
    await()
        .atMost(START)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              String out = Files.readString(log);
              assertThat(p.isAlive() || out.contains(text))
                  .as(machine + " exited early:\n" + out)
                  .isTrue();
              assertThat(out).as(machine).contains(text);
            });
  }

  /** kubectl against the server, run in the server's machine (only it reaches 10.250.77.1). */
  private ProcessResult kubectlResult(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "ip",
                "netns",
                "exec",
                TAG + "-srv",
                "kubectl",
                "--kubeconfig",
                kubeconfig.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HOME", home.toString());
    return Processes.run(builder, null, Duration.ofSeconds(120));
  }

  private String kubectl(String... args) {
    ProcessResult r = kubectlResult(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.all()).isZero();
    return r.stdout();
  }

  private void apply(String yaml) {
    List<String> command =
        List.of(
            "ip",
            "netns",
            "exec",
            TAG + "-srv",
            "kubectl",
            "--kubeconfig",
            kubeconfig.toString(),
            "apply",
            "-f",
            "-");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HOME", home.toString());
    ProcessResult r = Processes.run(builder, yaml, Duration.ofSeconds(60));
    assertThat(r.exitCode()).as(r.all()).isZero();
  }

  private static String sh(String... command) {
    ProcessResult r = Processes.run(Duration.ofSeconds(30), command);
    assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.all()).isZero();
    return r.stdout();
  }
}
