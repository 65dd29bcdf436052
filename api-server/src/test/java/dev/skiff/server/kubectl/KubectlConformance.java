package dev.skiff.server.kubectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.testing.TestApiServers;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kubectl commands users rely on, run with the real kubectl. Writes go through {@link
 * #writer()}, reads through {@link #reader()}; subclasses point them at one replica or at two
 * different replicas of a cluster. Every test works in its own namespace.
 */
abstract class KubectlConformance {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  protected String ns;
  private Path manifests;

  protected abstract Kubectl writer();

  protected abstract Kubectl reader();

  protected abstract Path workDir();

  /** Kubectl instances for replica {@code index} with a fresh HOME and discovery cache. */
  static Kubectl kubectlFor(TestApiServers servers, int index, Path dir) {
    Path base = dir.resolve("replica-" + index);
    Path kubeconfig = servers.kubeconfig(base.resolve("kubeconfig"), index);
    return new Kubectl(kubeconfig, base.resolve("home"), base.resolve("cache"));
  }

  @BeforeEach
  void createNamespace() throws IOException {
    ns =
        "t"
            + NAMESPACES.incrementAndGet()
            + "-"
            + getClass().getSimpleName().toLowerCase().substring(0, 6);
    manifests = Files.createDirectories(workDir().resolve("manifests-" + ns));
    ProcessResult r =
        writer()
            .run("create", "-f", write("ns.yaml", ConformanceManifests.namespace(ns)).toString());
    assertThat(r.stdout()).as(r.toString()).contains("namespace/" + ns + " created");
  }

  @Test
  void versionReportsTheServerVersion() {
    ProcessResult r = reader().run("version");
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.stdout()).contains("Server Version: v1.32.0-skiff");
  }

  @Test
  void apiResourcesListsEveryServedKind() {
    ProcessResult r = reader().run("api-resources", "-o", "wide");
    assertThat(r.ok()).as(r.toString()).isTrue();
    for (ResourceType t : Resources.ALL) {
      assertThat(r.stdout()).contains(t.plural() + " ").contains(t.apiVersion());
    }
    assertThat(line(r.stdout(), "pods "))
        .contains("po")
        .contains("Pod")
        .contains("watch")
        .contains("all");
  }

  @Test
  void createdPodShowsInEveryOutputFormat() {
    create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    ProcessResult table = reader().run("get", "pods", "-n", ns);
    assertThat(table.stdout())
        .as(table.toString())
        .contains("NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(line(table.stdout(), "web")).contains("0/1").contains("Pending");
    ProcessResult wide = reader().run("get", "pods", "-n", ns, "-o", "wide");
    assertThat(wide.stdout()).contains("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
    ProcessResult yaml = reader().run("get", "pod", "web", "-n", ns, "-o", "yaml");
    assertThat(yaml.stdout())
        .contains("kind: Pod", "uid:", "creationTimestamp:", "namespace: " + ns);
    ProcessResult json = reader().run("get", "pod", "web", "-n", ns, "-o", "json");
    var object = Json.tree(json.stdout().getBytes(StandardCharsets.UTF_8));
    assertThat(object.path("metadata").path("generation").asLong()).isEqualTo(1);
    assertThat(object.path("status").path("phase").asText()).isEqualTo("Pending");
    assertThat(reader().run("get", "pods", "-n", ns, "-o", "name").stdout().trim())
        .isEqualTo("pod/web");
  }

  @Test
  void creatingAnExistingNameFailsWithAlreadyExists() {
    Path file =
        create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    ProcessResult again = writer().run("create", "-n", ns, "-f", file.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr())
        .contains(
            "Error from server (AlreadyExists): error when creating \""
                + file
                + "\": pods \"web\" already exists");
  }

  @Test
  void gettingAMissingObjectFailsWithNotFound() {
    ProcessResult r = reader().run("get", "pod", "nosuch", "-n", ns);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error from server (NotFound): pods \"nosuch\" not found");
  }

  @Test
  void labelAndFieldSelectorsFilterLists() {
    create("a.yaml", ConformanceManifests.pod("a", "app: web, tier: fe", "nginx"), "pod/a created");
    create("b.yaml", ConformanceManifests.pod("b", "app: web, tier: be", "nginx"), "pod/b created");
    create("c.yaml", ConformanceManifests.pod("c", "app: db", "nginx"), "pod/c created");
    assertThat(names("get", "pods", "-n", ns, "-l", "app in (web),tier!=be", "-o", "name"))
        .isEqualTo("pod/a");
    assertThat(names("get", "pods", "-n", ns, "-l", "!tier", "-o", "name")).isEqualTo("pod/c");
    assertThat(names("get", "pods", "-n", ns, "--field-selector", "metadata.name=b", "-o", "name"))
        .isEqualTo("pod/b");
    ProcessResult all = reader().run("get", "pods", "-A", "-l", "app=db");
    assertThat(line(all.stdout(), " c ")).as(all.toString()).startsWith(ns);
    assertThat(all.stdout()).startsWith("NAMESPACE");
    ProcessResult bad = reader().run("get", "pods", "-n", ns, "--field-selector", "spec.foo=x");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).contains("field label not supported: spec.foo");
  }

  @Test
  void describeShowsPodServiceAndNode() {
    create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    create("svc.yaml", ConformanceManifests.service("websvc"), "service/websvc created");
    String node = "node-" + ns;
    create("node.yaml", ConformanceManifests.node(node), "node/" + node + " created");
    ProcessResult pod = reader().run("describe", "pod", "web", "-n", ns);
    assertThat(pod.stdout())
        .as(pod.toString())
        .contains("Name:", "web", "Namespace:", ns, "Image:", "nginx");
    ProcessResult svc = reader().run("describe", "service", "websvc", "-n", ns);
    assertThat(svc.stdout())
        .as(svc.toString())
        .contains("Type:", "LoadBalancer", "app=web", "30080");
    ProcessResult described = reader().run("describe", "node", node);
    assertThat(described.stdout())
        .as(described.toString())
        .contains("Name:", node, "127.0.0.9", "KubeletReady");
    ProcessResult nodes = reader().run("get", "nodes", "-o", "wide");
    assertThat(line(nodes.stdout(), node))
        .contains("Ready", "worker", "v1.32.0-skiff", "127.0.0.9");
    ProcessResult services = reader().run("get", "svc", "-n", ns);
    assertThat(line(services.stdout(), "websvc"))
        .contains("LoadBalancer", "<pending>", "80:30080/TCP");
  }

  @Test
  void clientSideApplyCreatesThenConfigures() {
    Path file = write("deploy.yaml", ConformanceManifests.deployment("api", 2, "busybox:1"));
    assertThat(writer().run("apply", "-n", ns, "-f", file.toString()).stdout())
        .contains("deployment.apps/api created");
    assertThat(writer().run("apply", "-n", ns, "-f", file.toString()).stdout())
        .contains("deployment.apps/api unchanged");
    write("deploy.yaml", ConformanceManifests.deployment("api", 2, "busybox:2"));
    ProcessResult changed = writer().run("apply", "-n", ns, "-f", file.toString());
    assertThat(changed.stdout()).as(changed.toString()).contains("deployment.apps/api configured");
    assertThat(
            jsonpath(
                "deployment/api",
                "{.spec.template.spec.containers[0].image} {.metadata.generation}"))
        .isEqualTo("busybox:2 2");
  }

  @Test
  void serverSideApplyCreatesThenUpdates() {
    Path file = write("deploy.yaml", ConformanceManifests.deployment("api", 1, "busybox"));
    ProcessResult first = writer().run("apply", "--server-side", "-n", ns, "-f", file.toString());
    assertThat(first.stdout())
        .as(first.toString())
        .contains("deployment.apps/api serverside-applied");
    write("deploy.yaml", ConformanceManifests.deployment("api", 3, "busybox"));
    ProcessResult second = writer().run("apply", "--server-side", "-n", ns, "-f", file.toString());
    assertThat(second.stdout())
        .as(second.toString())
        .contains("deployment.apps/api serverside-applied");
    assertThat(jsonpath("deployment/api", "{.spec.replicas}")).isEqualTo("3");
    ProcessResult dry =
        writer()
            .run(
                "apply",
                "--server-side",
                "--dry-run=server",
                "-n",
                ns,
                "-f",
                write("dry.yaml", ConformanceManifests.deployment("dry", 1, "busybox")).toString());
    assertThat(dry.stdout())
        .as(dry.toString())
        .contains("deployment.apps/dry serverside-applied (server dry run)");
    assertThat(reader().run("get", "deployment", "dry", "-n", ns).stderr()).contains("NotFound");
  }

  @Test
  void patchAppliesEveryPatchType() {
    create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    ProcessResult strategic =
        writer()
            .run(
                "patch",
                "pod",
                "web",
                "-n",
                ns,
                "-p",
                "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx:2\"}]}}");
    assertThat(strategic.stdout()).as(strategic.toString()).contains("pod/web patched");
    ProcessResult merge =
        writer()
            .run(
                "patch",
                "pod",
                "web",
                "-n",
                ns,
                "--type=merge",
                "-p",
                "{\"metadata\":{\"labels\":{\"m\":\"1\"}}}");
    assertThat(merge.stdout()).as(merge.toString()).contains("pod/web patched");
    ProcessResult json =
        writer()
            .run(
                "patch",
                "pod",
                "web",
                "-n",
                ns,
                "--type=json",
                "-p",
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/j\",\"value\":\"2\"}]");
    assertThat(json.stdout()).as(json.toString()).contains("pod/web patched");
    assertThat(
            jsonpath(
                "pod/web",
                "{.spec.containers[0].image} {.spec.containers[0].ports[0].containerPort} {.metadata.labels.m}{.metadata.labels.j}"))
        .isEqualTo("nginx:2 80 12");
  }

  @Test
  void labelAndAnnotateChangeMetadata() {
    create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    assertThat(writer().run("label", "pod", "web", "-n", ns, "env=prod").stdout())
        .contains("pod/web labeled");
    assertThat(writer().run("annotate", "pod", "web", "-n", ns, "note=hello").stdout())
        .contains("pod/web annotated");
    assertThat(jsonpath("pod/web", "{.metadata.labels.env} {.metadata.annotations.note}"))
        .isEqualTo("prod hello");
    writer().run("label", "pod", "web", "-n", ns, "env-");
    assertThat(jsonpath("pod/web", "{.metadata.labels}")).doesNotContain("env");
  }

  @Test
  void staleResourceVersionFailsWithConflict() {
    create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    ProcessResult r = writer().run("label", "pod", "web", "-n", ns, "x=1", "--resource-version=1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "Error from server (Conflict): Operation cannot be fulfilled on pods \"web\": the object"
                + " has been modified");
  }

  @Test
  void invalidObjectFailsWithInvalid() {
    Path file = write("noname.yaml", ConformanceManifests.podWithoutName());
    ProcessResult r = writer().run("create", "-n", ns, "-f", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "The pods \"\" is invalid: metadata.name: Required value: name or generateName is required");
  }

  @Test
  void deleteByNameFileAndSelector() {
    create("a.yaml", ConformanceManifests.pod("a", "app: web", "nginx"), "pod/a created");
    create("b.yaml", ConformanceManifests.pod("b", "grp: g", "nginx"), "pod/b created");
    create("c.yaml", ConformanceManifests.pod("c", "grp: g", "nginx"), "pod/c created");
    Path svc = create("svc.yaml", ConformanceManifests.service("websvc"), "service/websvc created");
    assertThat(writer().run("delete", "pod", "a", "-n", ns).stdout()).contains("pod \"a\" deleted");
    assertThat(writer().run("delete", "-n", ns, "-f", svc.toString()).stdout())
        .contains("service \"websvc\" deleted");
    ProcessResult bySelector = writer().run("delete", "pods", "-n", ns, "-l", "grp=g");
    assertThat(bySelector.stdout()).contains("pod \"b\" deleted", "pod \"c\" deleted");
    ProcessResult empty = reader().run("get", "pods,services", "-n", ns);
    assertThat(empty.stderr())
        .as(empty.toString())
        .contains("No resources found in " + ns + " namespace.");
    ProcessResult missing = writer().run("delete", "pod", "a", "-n", ns);
    assertThat(missing.stderr()).contains("Error from server (NotFound): pods \"a\" not found");
  }

  @Test
  void scaleSetsReplicasAndBumpsGeneration() {
    create(
        "deploy.yaml",
        ConformanceManifests.deployment("api", 1, "busybox"),
        "deployment.apps/api created");
    ProcessResult r = writer().run("scale", "deployment", "api", "-n", ns, "--replicas=4");
    assertThat(r.stdout()).as(r.toString()).contains("deployment.apps/api scaled");
    assertThat(jsonpath("deployment/api", "{.spec.replicas} {.metadata.generation}"))
        .isEqualTo("4 2");
    ProcessResult guarded =
        writer()
            .run("scale", "deployment", "api", "-n", ns, "--replicas=5", "--current-replicas=4");
    assertThat(guarded.stdout()).as(guarded.toString()).contains("deployment.apps/api scaled");
    assertThat(jsonpath("deployment/api", "{.spec.replicas}")).isEqualTo("5");
  }

  @Test
  void logsOfAnUnscheduledPodFailWithBadRequest() {
    create("pod.yaml", ConformanceManifests.pod("web", "app: web", "nginx"), "pod/web created");
    ProcessResult r = reader().run("logs", "web", "-n", ns);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("pod web does not have a host assigned");
  }

  @Test
  void watchSeesAddedModifiedAndDeleted() throws Exception {
    create("w0.yaml", ConformanceManifests.pod("w0", "app: w", "nginx"), "pod/w0 created");
    Process watch =
        reader()
            .start("get", "pods", "-n", ns, "-w", "--output-watch-events", "--request-timeout=30s");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Processes.drain(watch.getInputStream(), out);
    Processes.drain(watch.getErrorStream(), new ByteArrayOutputStream());
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> text(out).contains("w0"));
      create("w1.yaml", ConformanceManifests.pod("w1", "app: w", "nginx"), "pod/w1 created");
      writer().run("label", "pod", "w1", "-n", ns, "seen=yes");
      writer().run("delete", "pod", "w1", "-n", ns);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> text(out).lines().anyMatch(l -> l.startsWith("DELETED") && l.contains("w1")));
      assertThat(text(out).lines().filter(l -> l.contains("w1")).map(l -> l.split("\\s+")[0]))
          .containsExactly("ADDED", "MODIFIED", "DELETED");
    } finally {
      watch.destroy();
      assertThat(watch.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void watchStopsByItselfAtTheRequestTimeout() throws Exception {
    Process watch = reader().start("get", "pods", "-n", ns, "-w", "--request-timeout=2s");
    assertThat(watch.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.exitValue()).isZero();
  }

  // ---- helpers

  private Path create(String file, String yaml, String expected) {
    Path path = write(file, yaml);
    ProcessResult r = writer().run("create", "-n", ns, "-f", path.toString());
    assertThat(r.stdout()).as(r.toString()).contains(expected);
    return path;
  }

  private Path write(String file, String content) {
    try {
      return Files.writeString(manifests.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String jsonpath(String object, String template) {
    ProcessResult r = reader().run("get", object, "-n", ns, "-o", "jsonpath=" + template);
    assertThat(r.ok()).as(r.toString()).isTrue();
    return r.stdout();
  }

  private String names(String... args) {
    ProcessResult r = reader().run(args);
    assertThat(r.ok()).as(r.toString()).isTrue();
    return r.stdout().trim();
  }

  private static String line(String text, String containing) {
    return text.lines()
        .filter(l -> l.contains(containing))
        .findFirst()
        .orElse("<no line with " + containing + ">\n" + text);
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
