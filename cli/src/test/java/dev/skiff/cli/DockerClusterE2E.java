package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.ProcessResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff up --runtime docker} as a user runs it: pods are containers of the local busybox
 * image on two nodes; from inside a pod, a Service answers by name through the cluster DNS and its
 * ClusterIP; from the host, ClusterIP, NodePort and LoadBalancer IP answer; {@code skiff down}
 * leaves no container, network, route or listener. Needs root and a Docker engine (CI has both).
 */
class DockerClusterE2E {
  static final String NAME = "dock";
  static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: httpd
              image: skiff/busybox:1
              command: ["sh", "-c", "mkdir -p /www && echo \\"hello from $HOSTNAME\\" > /www/index.html && exec httpd -f -p 8080 -h /www"]
              readinessProbe:
                httpGet: {path: /index.html, port: 8080}
                periodSeconds: 1
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: LoadBalancer
        selector: {app: web}
        ports:
        - port: 80
          targetPort: 8080
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: client
          image: skiff/busybox:1
          command: ["sleep", "3600"]
      """;

  @TempDir Path home;
  SkiffProcess cli;
  Path kubeconfig;

  @BeforeAll
  static void localImages() throws Exception {
    Path script = Path.of("..", "deploy", "images", "build.sh").toAbsolutePath().normalize();
    Process build = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String out = new String(build.getInputStream().readAllBytes());
    assertThat(build.waitFor())
        .as("deploy/images/build.sh (needs a Docker engine): " + out)
        .isZero();
  }

  @BeforeEach
  void setUp() {
    cli = new SkiffProcess(home);
    kubeconfig = home.resolve("clusters").resolve(NAME).resolve("kubeconfig");
  }

  @AfterEach
  void tearDown() throws Exception {
    cli.skiff("down", "--name", NAME, "--purge");
  }

  @Test
  void podsReachAServiceByNameTheHostReachesItsAddressesAndDownLeavesNothing() throws Exception {
    up(2);
    assertThat(kubectl("config", "current-context")).isEqualTo("skiff-" + NAME);
    Path app = Files.writeString(home.resolve("app.yaml"), APP);
    kubectl("apply", "-f", app.toString());
    kubectl("rollout", "status", "deployment/web", "--timeout=60s");
    kubectl("wait", "--for=condition=Ready", "pod/client", "--timeout=60s");

    // every pod is a container on its node's network, with an IP of its node's pod CIDR
    String client = containerId("client");
    for (String line : lines(kubectl("get", "pods", "-o", podColumns()))) {
      String[] pod = line.split(" ");
      String podCidr = kubectl("get", "node", pod[1], "-o", "jsonpath={.spec.podCIDR}");
      assertThat(pod[3]).as(line).startsWith("docker://");
      assertThat(pod[2]).as(line).startsWith(podCidr.substring(0, podCidr.lastIndexOf('.') + 1));
      if (pod[0].startsWith("web-")) {
        // pod to pod, whichever node each is on
        assertThat(exec(client, "wget", "-qO-", "http://" + pod[2] + ":8080"))
            .isEqualTo("hello from " + pod[0] + "\n");
      }
    }

    for (String url : List.of("http://web", "http://web.default.svc.cluster.local:80")) {
      assertThat(exec(client, "wget", "-qO-", url)).as(url).startsWith("hello from web-");
    }
    String clusterIp = kubectl("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");
    assertThat(exec(client, "wget", "-qO-", "http://" + clusterIp)).startsWith("hello from web-");
    String dns =
        kubectl(
            "get", "service", "kube-dns", "-n", "kube-system", "-o", "jsonpath={.spec.clusterIP}");
    assertThat(exec(client, "cat", "/etc/resolv.conf"))
        .isEqualTo(
            "nameserver "
                + dns
                + "\nsearch default.svc.cluster.local svc.cluster.local cluster.local\n"
                + "options ndots:5\n");
    // A fully qualified name: nslookup would also try names outside the cluster, which the
    // cluster DNS forwards to the host's resolver.
    assertThat(
            cli.command("docker", "exec", client, "nslookup", "web.default.svc.cluster.local.")
                .stdout())
        .contains("Address: " + clusterIp);

    String nodePort = kubectl("get", "service", "web", "-o", "jsonpath={.spec.ports[0].nodePort}");
    List<String> nodeIps =
        List.of(
            kubectl(
                    "get",
                    "nodes",
                    "-o",
                    "jsonpath={.items[*].status.addresses[?(@.type==\"InternalIP\")].address}")
                .split(" "));
    assertThat(nodeIps).hasSize(2);
    assertThat(httpGet("http://" + clusterIp + "/")).startsWith("hello from web-");
    for (String node : nodeIps) {
      assertThat(httpGet("http://" + node + ":" + nodePort + "/")).startsWith("hello from web-");
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !loadBalancerIp().isEmpty());
    assertThat(httpGet("http://" + loadBalancerIp() + "/")).startsWith("hello from web-");

    String cluster = label(client, "dev.skiff.cluster");
    assertThat(cli.command("ip", "route", "get", clusterIp).stdout()).startsWith("local ");
    String podRange = podRange(kubectl("get", "pod", "client", "-o", "jsonpath={.status.podIP}"));
    assertThat(cli.command("iptables", "-S", "DOCKER-USER").stdout()).contains(podRange);
    assertThat(cli.command("ip", "route", "show", "type", "blackhole").stdout()).contains(podRange);
    ProcessResult down = cli.skiff("down", "--name", NAME);
    assertThat(down.exitCode()).as(down.all()).isZero();
    assertNothingLeft(cluster, clusterIp, nodeIps, podRange);
  }

  @Test
  void aPodReachesTheApiServerWithItsServiceAccountToken() throws Exception {
    up(1);
    Path pod =
        Files.writeString(
            home.resolve("in-cluster.yaml"),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: in-cluster
            spec:
              containers:
              - name: client
                image: skiff/busybox:1
                command: ["sleep", "3600"]
            """);
    // a fresh cluster: the pod is admitted once the controller has made the default ServiceAccount
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cli.kubectl(kubeconfig, "apply", "-f", pod.toString()).exitCode() == 0);
    kubectl("wait", "--for=condition=Ready", "pod/in-cluster", "--timeout=60s");
    String client = containerId("in-cluster");
    String sa = "/var/run/secrets/kubernetes.io/serviceaccount";
    assertThat(exec(client, "cat", sa + "/namespace")).isEqualTo("default");
    assertThat(exec(client, "cat", sa + "/ca.crt"))
        .isEqualTo(
            kubectl("get", "configmap", "kube-root-ca.crt", "-o", "jsonpath={.data.ca\\.crt}")
                + "\n");
    assertThat(exec(client, "sh", "-c", "echo $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT"))
        .isEqualTo(
            kubectl("get", "service", "kubernetes", "-o", "jsonpath={.spec.clusterIP}") + ":443\n");
    // busybox's wget cannot talk TLS to the API server ("got bad TLS record" from its
    // ssl_client, which also never verifies certificates), so the check runs on the host with the
    // pod's own files: curl verifies the API server as kubernetes.default.svc against the pod's
    // ca.crt, through the kubernetes Service's ClusterIP, with the pod's token
    Path caFile =
        Files.writeString(home.resolve("pod-ca.crt"), exec(client, "cat", sa + "/ca.crt"));
    String token = exec(client, "cat", sa + "/token");
    String clusterIp = kubectl("get", "service", "kubernetes", "-o", "jsonpath={.spec.clusterIP}");
    ProcessResult review =
        cli.command(
            "curl",
            "-sS",
            "--fail",
            "--cacert",
            caFile.toString(),
            "--resolve",
            "kubernetes.default.svc:443:" + clusterIp,
            "-H",
            "Authorization: Bearer " + token,
            "-H",
            "Content-Type: application/json",
            "-d",
            "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}",
            "https://kubernetes.default.svc/apis/authentication.k8s.io/v1/selfsubjectreviews");
    assertThat(review.exitCode()).as(review.stderr()).isZero();
    assertThat(review.stdout()).contains("system:serviceaccount:default:default");
    // nothing is bound to the ServiceAccount (no RBAC yet): it may not list pods
    ProcessResult pods =
        cli.command(
            "curl",
            "-sS",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "--cacert",
            caFile.toString(),
            "--resolve",
            "kubernetes.default.svc:443:" + clusterIp,
            "-H",
            "Authorization: Bearer " + token,
            "https://kubernetes.default.svc/api/v1/namespaces/default/pods");
    assertThat(pods.stdout()).isEqualTo("403");
  }

  /** The /16 of the cluster's pod networks (10.(128+slot).0.0/16). */
  private static String podRange(String podIp) {
    String[] octets = podIp.split("\\.");
    return octets[0] + "." + octets[1] + ".0.0/16";
  }

  @Test
  void downAfterTheClusterProcessWasKilledRemovesWhatItLeft() throws Exception {
    up(1);
    // the Service and the client pod: enough for a listener, a route, a network and containers
    String serviceAndClient = APP.substring(APP.indexOf("apiVersion: v1"));
    Path app = Files.writeString(home.resolve("app.yaml"), serviceAndClient);
    kubectl("apply", "-f", app.toString());
    kubectl("wait", "--for=condition=Ready", "pod/client", "--timeout=60s");
    String cluster = label(containerId("client"), "dev.skiff.cluster");
    String podRange = podRange(kubectl("get", "pod", "client", "-o", "jsonpath={.status.podIP}"));
    String clusterIp = kubectl("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");
    String nodeIp =
        kubectl("get", "nodes", "-o", "jsonpath={.items[0].status.addresses[0].address}");
    ProcessHandle process = new ClusterHome(NAME, kubeconfig.getParent()).runningProcess().get();

    process.destroyForcibly();
    process.onExit().get();
    assertThat(
            cli.command("docker", "ps", "-q", "--filter", "label=dev.skiff.cluster=" + cluster)
                .stdout())
        .isNotBlank();

    ProcessResult down = cli.skiff("down", "--name", NAME);
    assertThat(down.exitCode()).as(down.all()).isZero();
    assertThat(down.stdout()).contains("removed what the cluster left on the host");
    assertNothingLeft(cluster, clusterIp, List.of(nodeIp), podRange);
  }

  @Test
  void withoutADockerEngineUpSaysSoAndStartsNothing() throws Exception {
    ProcessResult up =
        cli.skiffWith(
            List.of(),
            Map.of("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock")),
            "up",
            "--name",
            NAME,
            "--runtime",
            "docker");
    assertThat(up.exitCode()).isNotZero();
    assertThat(up.stderr()).contains("needs a running Docker engine", "no-docker.sock");
    assertThat(cli.skiff("status", "--name", NAME).stdout()).contains("not running");
  }

  @Test
  void withoutTheRightToAddRoutesUpSaysSoAndStartsNothing() throws Exception {
    ProcessResult up =
        cli.skiffWith(
            List.of("setpriv", "--inh-caps=-net_admin", "--bounding-set=-net_admin", "--"),
            Map.of(),
            "up",
            "--name",
            NAME,
            "--runtime",
            "docker");
    assertThat(up.exitCode()).isNotZero();
    assertThat(up.stderr()).contains("needs the right to add routes");
    assertThat(cli.skiff("status", "--name", NAME).stdout()).contains("not running");
  }

  @Test
  void aClusterKeepsTheRuntimeItWasCreatedWith() throws Exception {
    assertThat(cli.skiff("up", "--name", NAME).exitCode()).isZero();
    assertThat(cli.skiff("down", "--name", NAME).exitCode()).isZero();
    ProcessResult up = cli.skiff("up", "--name", NAME, "--runtime", "docker");
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.stderr()).contains("was created with --runtime process", "skiff down --purge");
    assertThat(cli.skiff("status", "--name", NAME).stdout()).contains("not running");
  }

  private void up(int nodes) throws Exception {
    ProcessResult up =
        cli.skiff("up", "--name", NAME, "--runtime", "docker", "--nodes", String.valueOf(nodes));
    assertThat(up.exitCode()).as(up.all()).isZero();
  }

  private void assertNothingLeft(
      String cluster, String clusterIp, List<String> nodeIps, String podRange) throws Exception {
    assertThat(cli.command("iptables", "-S", "DOCKER-USER").stdout()).doesNotContain(podRange);
    assertThat(cli.command("ip", "route", "show", "table", "all").stdout())
        .doesNotContain(podRange);
    assertThat(
            cli.command("docker", "ps", "-aq", "--filter", "label=dev.skiff.cluster=" + cluster)
                .stdout())
        .isBlank();
    assertThat(
            cli.command(
                    "docker",
                    "network",
                    "ls",
                    "-q",
                    "--filter",
                    "label=dev.skiff.cluster=" + cluster)
                .stdout())
        .isBlank();
    // ip route get only looks the route up: no packet is sent
    assertThat(cli.command("ip", "route", "get", clusterIp).stdout()).doesNotStartWith("local ");
    String listeners = cli.command("ss", "-Hltnu").stdout();
    assertThat(listeners).doesNotContain(clusterIp + ":");
    nodeIps.forEach(ip -> assertThat(listeners).doesNotContain(ip + ":"));
    assertThat(new ClusterHome(NAME, kubeconfig.getParent()).runningProcess()).isEmpty();
    assertThat(kubeconfig.getParent().resolve("docker-host.json")).doesNotExist();
  }

  private String kubectl(String... args) throws Exception {
    ProcessResult r = cli.kubectl(kubeconfig, args);
    assertThat(r.exitCode()).as("kubectl " + String.join(" ", args) + ": " + r.all()).isZero();
    return r.stdout().strip();
  }

  private static String podColumns() {
    return "jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName} {.status.podIP}"
        + " {.status.containerStatuses[0].containerID}{\"\\n\"}{end}";
  }

  private String containerId(String pod) throws Exception {
    return kubectl("get", "pod", pod, "-o", "jsonpath={.status.containerStatuses[0].containerID}")
        .substring("docker://".length());
  }

  private String label(String container, String label) throws Exception {
    return cli.command(
            "docker", "inspect", "-f", "{{index .Config.Labels \"" + label + "\"}}", container)
        .stdout()
        .strip();
  }

  /** A command in the pod's container; busybox's wget has no timeout flag, timeout(1) bounds it. */
  private String exec(String container, String... command) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(List.of("docker", "exec", container, "timeout", "10"));
    cmd.addAll(List.of(command));
    ProcessResult r = cli.command(cmd.toArray(String[]::new));
    assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.all()).isZero();
    return r.stdout();
  }

  private String loadBalancerIp() throws Exception {
    return kubectl("get", "service", "web", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}");
  }

  /** GET from the host; retried briefly, as a proxy may still be programming a new Service. */
  private static String httpGet(String url) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    String[] body = new String[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
              body[0] = r.body();
              return r.statusCode() == 200;
            });
    return body[0];
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }
}
