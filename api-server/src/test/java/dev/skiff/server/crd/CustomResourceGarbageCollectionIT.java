package dev.skiff.server.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Custom resources as owners, with the controllers running: the garbage collector deletes the
 * dependents of a deleted custom resource (Background), holds it until they are gone (Foreground),
 * or lets them go free (Orphan), as for built-in owners.
 */
class CustomResourceGarbageCollectionIT {
  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.gc.example.com
      spec:
        group: gc.example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  private static Path dir;
  private static TestCluster cluster;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("crd-gc");
    cluster = TestCluster.start(TestCluster.Spec.of(1).withTls());
    kubectl =
        new Kubectl(
            cluster.kubeconfig(dir.resolve("kubeconfig"), 0),
            dir.resolve("home"),
            dir.resolve("cache"));
    ok(kubectl.apply(CRD));
    ok(
        kubectl.run(
            "wait", "--for=condition=Established", "crd/widgets.gc.example.com", "--timeout=20s"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void backgroundDeletionRemovesTheDependents() {
    ownerWithConfigMap("bg", false);

    ok(kubectl.run("delete", "widget", "bg"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !kubectl.run("get", "configmap", "bg-config").ok());
  }

  @Test
  void foregroundDeletionKeepsTheOwnerUntilTheDependentsAreGone() {
    ownerWithConfigMap("fg", true);

    ok(kubectl.run("delete", "widget", "fg", "--cascade=foreground", "--wait=false"));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl
                            .run(
                                "get",
                                "configmap",
                                "fg-config",
                                "-o",
                                "jsonpath={.metadata.deletionTimestamp}")
                            .stdout())
                    .isNotBlank());
    assertThat(out("get", "widget", "fg", "-o", "jsonpath={.metadata.finalizers}"))
        .contains("foregroundDeletion");

    ok(
        kubectl.run(
            "patch",
            "configmap",
            "fg-config",
            "--type=merge",
            "-p",
            "{\"metadata\":{\"finalizers\":null}}"));

    await().atMost(Duration.ofSeconds(15)).until(() -> !kubectl.run("get", "widget", "fg").ok());
    assertThat(kubectl.run("get", "configmap", "fg-config").ok()).isFalse();
  }

  @Test
  void orphanDeletionFreesTheDependents() {
    ownerWithConfigMap("or", false);

    ok(kubectl.run("delete", "widget", "or", "--cascade=orphan"));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        out(
                            "get",
                            "configmap",
                            "or-config",
                            "-o",
                            "jsonpath={.metadata.ownerReferences}"))
                    .isEmpty());
    assertThat(kubectl.run("get", "widget", "or").ok()).isFalse();
  }

  private static void ownerWithConfigMap(String name, boolean held) {
    ok(
        kubectl.apply(
            "apiVersion: gc.example.com/v1\nkind: Widget\nmetadata:\n  name: "
                + name
                + "\nspec:\n  size: 1\n"));
    String uid = out("get", "widget", name, "-o", "jsonpath={.metadata.uid}");
    ok(
        kubectl.apply(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                + name
                + "-config\n"
                + (held ? "  finalizers: [example.com/hold]\n" : "")
                + "  ownerReferences:\n  - apiVersion: gc.example.com/v1\n    kind: Widget\n    name: "
                + name
                + "\n    uid: "
                + uid
                + "\ndata:\n  k: v\n"));
  }

  private static String out(String... args) {
    ProcessResult r = kubectl.run(args);
    ok(r);
    return r.stdout();
  }

  private static void ok(ProcessResult r) {
    assertThat(r.ok()).as(r.toString()).isTrue();
  }
}
