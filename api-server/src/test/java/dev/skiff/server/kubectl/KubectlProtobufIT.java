package dev.skiff.server.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's {@code create <generator>} commands, which POST protobuf bodies, against a real
 * api-server replica with Service allocation (no controllers): the objects are stored as if kubectl
 * had sent JSON.
 */
class KubectlProtobufIT {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @TempDir static Path dir;
  private static TestCluster cluster;
  private static Kubectl kubectl;
  private String ns;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls().withoutControllers());
    kubectl =
        new Kubectl(
            cluster.kubeconfig(dir.resolve("kubeconfig"), 0),
            dir.resolve("home"),
            dir.resolve("cache"));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void createNamespaceWithTheGenerator() {
    ns = "proto" + NAMESPACES.incrementAndGet();
    assertThat(ok("create", "namespace", ns)).contains("namespace/" + ns + " created");
  }

  @Test
  void createNamespaceStoresTheNamespace() {
    JsonNode namespace = get("namespace", ns);
    assertThat(namespace.path("metadata").path("name").asText()).isEqualTo(ns);
    assertThat(namespace.path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(namespace.path("status").path("phase").asText()).isEqualTo("Active");
  }

  @Test
  void createDeploymentStoresReplicasImagePortCommandLabelsAndSelector() {
    assertThat(
            ok(
                "create",
                "deployment",
                "web",
                "-n",
                ns,
                "--image=skiff/busybox:1",
                "--replicas=3",
                "--port=8080",
                "--",
                "sh",
                "-c",
                "echo hi; sleep 3600"))
        .contains("deployment.apps/web created");
    JsonNode d = get("deployment", "web");
    assertThat(d.at("/metadata/labels/app").asText()).isEqualTo("web");
    assertThat(d.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(d.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(d.at("/spec/selector/matchLabels/app").asText()).isEqualTo("web");
    assertThat(d.at("/spec/template/metadata/labels/app").asText()).isEqualTo("web");
    JsonNode container = d.at("/spec/template/spec/containers/0");
    assertThat(container.path("name").asText()).isEqualTo("busybox");
    assertThat(container.path("image").asText()).isEqualTo("skiff/busybox:1");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(container.at("/ports/0/protocol").asText()).isEqualTo("TCP");
    assertThat(container.path("command").toString())
        .isEqualTo("[\"sh\",\"-c\",\"echo hi; sleep 3600\"]");
  }

  @Test
  void createdDeploymentCanBeExposed() {
    ok("create", "deployment", "api", "-n", ns, "--image=skiff/busybox:1", "--port=8080");
    assertThat(ok("expose", "deployment", "api", "-n", ns, "--port=80", "--target-port=8080"))
        .contains("service/api exposed");
    JsonNode svc = get("service", "api");
    assertThat(svc.at("/spec/selector/app").asText()).isEqualTo("api");
    assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(80);
    assertThat(svc.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
  }

  @Test
  void createDeploymentKeepsExplicitZeroReplicas() {
    ok("create", "deployment", "idle", "-n", ns, "--image=skiff/busybox:1", "--replicas=0");
    assertThat(get("deployment", "idle").at("/spec/replicas").isMissingNode()).isFalse();
    assertThat(get("deployment", "idle").at("/spec/replicas").asInt(-1)).isZero();
  }

  @Test
  void protobufAndJsonBodiesOfTheSameCommandStoreTheSameSpec() {
    String[] command = {
      "create",
      "deployment",
      "twin",
      "--image=skiff/busybox:1",
      "--image=nginx:1.27",
      "--replicas=2",
      "--port=80"
    };
    ok(concat(command, "-n", ns));
    String other = ns + "-json";
    ok("create", "namespace", other);
    String json = ok(concat(command, "-n", other, "--dry-run=client", "-o", "json"));
    ProcessResult created = kubectl.runWithInput(json, "create", "-n", other, "-f", "-");
    assertThat(created.ok()).as(created.toString()).isTrue();
    JsonNode viaProtobuf = get("deployment", "twin");
    JsonNode viaJson = getIn(other, "deployment", "twin");
    assertThat(viaProtobuf.path("spec")).isEqualTo(viaJson.path("spec"));
    assertThat(viaProtobuf.at("/metadata/labels")).isEqualTo(viaJson.at("/metadata/labels"));
    assertThat(viaProtobuf.at("/spec/template/spec/containers").size()).isEqualTo(2);
  }

  @Test
  void createServiceClusterIpAllocatesAnAddressAndDefaultsThePort() {
    ok("create", "service", "clusterip", "web", "-n", ns, "--tcp=80:8080");
    JsonNode svc = get("service", "web");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("ClusterIP");
    assertThat(svc.at("/spec/clusterIP").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(svc.at("/spec/selector/app").asText()).isEqualTo("web");
    assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(80);
    assertThat(svc.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    assertThat(svc.at("/spec/ports/0/protocol").asText()).isEqualTo("TCP");
    assertThat(svc.at("/spec/ports/0/name").asText()).isEqualTo("80-8080");
  }

  @Test
  void createServiceNodePortKeepsTheRequestedNodePort() {
    ok("create", "service", "nodeport", "web-np", "-n", ns, "--tcp=80:8080", "--node-port=30080");
    JsonNode svc = get("service", "web-np");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("NodePort");
    assertThat(svc.at("/spec/ports/0/nodePort").asInt()).isEqualTo(30080);
  }

  @Test
  void createServiceLoadBalancerAllocatesNodePortsForEveryPort() {
    ok("create", "service", "loadbalancer", "web-lb", "-n", ns, "--tcp=80:8080", "--tcp=443:8443");
    JsonNode svc = get("service", "web-lb");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("LoadBalancer");
    assertThat(svc.at("/spec/ports").size()).isEqualTo(2);
    for (JsonNode port : svc.at("/spec/ports")) {
      assertThat(port.path("nodePort").asInt()).isBetween(30000, 32767);
    }
  }

  @Test
  void createServiceWithClusterIpNoneIsHeadless() {
    ok("create", "service", "clusterip", "headless", "-n", ns, "--clusterip=None");
    JsonNode svc = get("service", "headless");
    assertThat(svc.at("/spec/clusterIP").asText()).isEqualTo("None");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("ClusterIP");
  }

  @Test
  void createServiceExternalNameStoresTheName() {
    ok("create", "service", "externalname", "ext", "-n", ns, "--external-name=db.example.com");
    JsonNode svc = get("service", "ext");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("ExternalName");
    assertThat(svc.at("/spec/externalName").asText()).isEqualTo("db.example.com");
    assertThat(svc.at("/spec/clusterIP").isMissingNode()).isTrue();
  }

  @Test
  void serverErrorsReachKubectlAsForJson() {
    ok("create", "deployment", "web", "-n", ns, "--image=skiff/busybox:1");
    ProcessResult again = kubectl.run("create", "deployment", "web", "-n", ns, "--image=x");
    assertThat(again.exitCode()).isEqualTo(1);
    // kubectl prints generator errors as "error: failed to create ...: <server message>"
    assertThat(again.stderr()).contains("deployments.apps \"web\" already exists");
    ProcessResult invalid =
        kubectl.run(
            "create", "service", "nodeport", "bad", "-n", ns, "--tcp=80:8080", "--node-port=80");
    assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
    assertThat(invalid.stderr())
        .contains("Service \"bad\" is invalid")
        .contains("spec.ports[0].nodePort");
  }

  private String ok(String... args) {
    ProcessResult r = kubectl.run(args);
    assertThat(r.ok()).as(r.toString()).isTrue();
    return r.stdout();
  }

  private JsonNode get(String kind, String name) {
    return kind.equals("namespace")
        ? Json.tree(ok("get", kind, name, "-o", "json").getBytes(StandardCharsets.UTF_8))
        : getIn(ns, kind, name);
  }

  private JsonNode getIn(String namespace, String kind, String name) {
    String json = ok("get", kind, name, "-n", namespace, "-o", "json");
    ObjectNode object = (ObjectNode) Json.tree(json.getBytes(StandardCharsets.UTF_8));
    return object;
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
