package dev.skiff.server.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.kubectl.KubectlCluster;
import dev.skiff.testing.ProcessResult;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CustomResourceDefinitions through the real kubectl: the CRD is established and its kind is in
 * discovery at once, instances are validated, defaulted and pruned by the schema, printed with the
 * CRD's columns, have status and scale subresources and several versions, refuse strategic merge
 * patches, and go when their CRD goes.
 */
class KubectlCustomResourcesIT {
  @RegisterExtension static final KubectlCluster cluster = new KubectlCluster();

  static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: crontabs.stable.example.com
      spec:
        group: stable.example.com
        scope: Namespaced
        names:
          plural: crontabs
          singular: crontab
          kind: CronTab
          shortNames: [ct]
          categories: [all]
        versions:
        - name: v1
          served: true
          storage: true
          subresources:
            status: {}
            scale:
              specReplicasPath: .spec.replicas
              statusReplicasPath: .status.replicas
          additionalPrinterColumns:
          - name: Spec
            type: string
            jsonPath: .spec.cronSpec
          - name: Replicas
            type: integer
            jsonPath: .spec.replicas
          - name: Ready
            type: integer
            jsonPath: .status.replicas
          - name: Age
            type: date
            jsonPath: .metadata.creationTimestamp
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  required: [cronSpec]
                  properties:
                    cronSpec:
                      type: string
                      description: The schedule, in cron format.
                      pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'
                    image:
                      type: string
                    replicas:
                      type: integer
                      minimum: 1
                      maximum: 10
                      default: 1
                    policy:
                      type: string
                      enum: [Allow, Forbid]
                      default: Allow
                status:
                  type: object
                  properties:
                    replicas:
                      type: integer
        - name: v1beta1
          served: true
          storage: false
          schema:
            openAPIV3Schema:
              type: object
              x-kubernetes-preserve-unknown-fields: true
      """;

  @BeforeAll
  static void installTheCrd() {
    ProcessResult applied = cluster.kubectl().apply(CRD);
    assertThat(applied.ok()).as(applied.toString()).isTrue();
    cluster.ok(
        "wait", "--for=condition=Established", "crd/crontabs.stable.example.com", "--timeout=20s");
  }

  @Test
  void theCrdIsEstablishedAndItsKindIsInDiscovery() {
    assertThat(
            cluster.ok(
                "get",
                "crd",
                "crontabs.stable.example.com",
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"NamesAccepted\")].status}"
                    + " {.status.acceptedNames.kind} {.status.storedVersions}"))
        .isEqualTo("True CronTab [\"v1\"]");
    assertThat(cluster.ok("api-resources", "--api-group=stable.example.com"))
        .containsPattern("crontabs\\s+ct\\s+stable.example.com/v1\\s+true\\s+CronTab");
    assertThat(cluster.ok("get", "crd"))
        .containsPattern("NAME\\s+CREATED AT")
        .containsPattern("crontabs.stable.example.com\\s+\\d{4}-\\d\\d-\\d\\dT");
  }

  @Test
  void instancesAreDefaultedAndPrintedWithTheCrdsColumns() {
    apply("every-minute", "cronSpec: '* * * * *'\n    image: busybox");

    String table = cluster.ok("get", "crontabs");
    assertThat(table).containsPattern("NAME\\s+SPEC\\s+REPLICAS\\s+READY\\s+AGE");
    // no status yet: kubectl prints the absent READY cell empty
    assertThat(table).containsPattern("every-minute\\s+\\* \\* \\* \\* \\*\\s+1\\s+\\d+s");
    assertThat(cluster.ok("get", "ct", "every-minute", "-o", "jsonpath={.spec.policy}"))
        .isEqualTo("Allow");

    ProcessResult reapplied =
        cluster
            .kubectl()
            .runWithInput(
                manifest("every-minute", "cronSpec: '* * * * *'\n    image: nginx"),
                "apply",
                "-f",
                "-");
    assertThat(reapplied.stdout()).contains("crontab.stable.example.com/every-minute configured");
    assertThat(
            cluster.ok(
                "get", "ct", "every-minute", "-o", "jsonpath={.spec.image} {.metadata.generation}"))
        .isEqualTo("nginx 2");
    cluster.ok("label", "crontab", "every-minute", "tier=batch");
    assertThat(cluster.ok("get", "crontabs", "-l", "tier=batch", "-o", "name"))
        .isEqualTo("crontab.stable.example.com/every-minute\n");
  }

  @Test
  void unknownFieldsArePrunedOrRefusedByFieldValidation() {
    String manifest = manifest("pruned", "cronSpec: '0 * * * *'\n    bogus: 1");
    ProcessResult strict = cluster.kubectl().runWithInput(manifest, "create", "-f", "-");
    assertThat(strict.ok()).isFalse();
    assertThat(strict.stderr()).contains("unknown field \"spec.bogus\"");

    ProcessResult lax =
        cluster.kubectl().runWithInput(manifest, "create", "--validate=false", "-f", "-");
    assertThat(lax.ok()).as(lax.toString()).isTrue();
    assertThat(cluster.ok("get", "crontab", "pruned", "-o", "jsonpath={.spec}"))
        .doesNotContain("bogus")
        .contains("\"cronSpec\":\"0 * * * *\"");
  }

  @Test
  void invalidInstancesAreRefusedWithKubernetesMessages() {
    ProcessResult wrongType = applyResult("bad-type", "cronSpec: '* * * * *'\n    replicas: three");
    assertThat(wrongType.stderr())
        .contains("The CronTab \"bad-type\" is invalid")
        .contains(
            "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type"
                + " integer: \"string\"");

    ProcessResult several =
        applyResult("bad-values", "cronSpec: 'often'\n    replicas: 11\n    policy: Maybe");
    assertThat(several.stderr())
        .contains("spec.cronSpec: Invalid value: \"often\": spec.cronSpec in body should match")
        .contains(
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or"
                + " equal to 10")
        .contains(
            "spec.policy: Unsupported value: \"Maybe\": supported values: \"Allow\", \"Forbid\"");

    ProcessResult missing = applyResult("bad-missing", "image: x");
    assertThat(missing.stderr()).contains("spec.cronSpec: Required value");
    assertThat(cluster.kubectl().run("get", "crontab", "bad-type").ok()).isFalse();
  }

  @Test
  void statusAndScaleSubresources() {
    apply("scaled", "cronSpec: '*/5 * * * *'");

    cluster.ok(
        "patch",
        "crontab",
        "scaled",
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"replicas\":2}}");
    cluster.ok("patch", "crontab", "scaled", "--type=merge", "-p", "{\"status\":{\"replicas\":9}}");
    assertThat(cluster.ok("get", "crontab", "scaled", "-o", "jsonpath={.status.replicas}"))
        .isEqualTo("2");

    assertThat(cluster.ok("scale", "crontab", "scaled", "--replicas=5"))
        .contains("crontab.stable.example.com/scaled scaled");
    assertThat(
            cluster.ok(
                "get",
                "crontab",
                "scaled",
                "-o",
                "jsonpath={.spec.replicas} {.metadata.generation}"))
        .isEqualTo("5 2");
    assertThat(cluster.ok("get", "crontab", "scaled"))
        .containsPattern("scaled\\s+\\S.*\\s+5\\s+2\\s+");
  }

  @Test
  void strategicMergePatchIsRefused() {
    apply("smp", "cronSpec: '1 * * * *'");

    ProcessResult r =
        cluster.kubectl().run("patch", "crontab", "smp", "-p", "{\"spec\":{\"image\":\"x\"}}");

    assertThat(r.ok()).isFalse();
    assertThat(r.stderr())
        .contains(
            "application/strategic-merge-patch+json is not supported by stable.example.com/v1,"
                + " Kind=CronTab: the body of the request was in an unknown format - accepted media"
                + " types include: application/json-patch+json, application/merge-patch+json,"
                + " application/apply-patch+yaml");
  }

  @Test
  void everyServedVersionReadsTheSameObjects() {
    apply("versions", "cronSpec: '2 * * * *'");

    assertThat(
            cluster.ok(
                "get",
                "crontabs.v1beta1.stable.example.com",
                "versions",
                "-o",
                "jsonpath={.apiVersion} {.spec.cronSpec}"))
        .isEqualTo("stable.example.com/v1beta1 2 * * * *");
  }

  @Test
  void serverSideApplyAndJsonPatch() {
    String manifest = manifest("ssa", "cronSpec: '3 * * * *'\n    image: one");
    ProcessResult applied =
        cluster.kubectl().runWithInput(manifest, "apply", "--server-side", "-f", "-");
    assertThat(applied.ok()).as(applied.toString()).isTrue();
    cluster.ok(
        "patch",
        "crontab",
        "ssa",
        "--type=json",
        "-p",
        "[{\"op\":\"replace\",\"path\":\"/spec/image\",\"value\":\"two\"}]");
    assertThat(cluster.ok("get", "crontab", "ssa", "-o", "jsonpath={.spec.image}"))
        .isEqualTo("two");
  }

  @Test
  void explainShowsTheSchema() {
    assertThat(cluster.ok("explain", "crontab.spec"))
        .contains("KIND:       CronTab")
        .contains("GROUP:      stable.example.com")
        .containsPattern("cronSpec\\s+<string> -required-")
        .contains("The schedule, in cron format.");
  }

  @Test
  void clusterScopedKindsAndDeletingTheCrdDeletesItsInstances() {
    String crd =
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: clusterwidgets.widgets.example.org
        spec:
          group: widgets.example.org
          scope: Cluster
          names: {plural: clusterwidgets, kind: ClusterWidget}
          versions:
          - name: v1alpha1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;
    assertThat(cluster.kubectl().apply(crd).ok()).isTrue();
    cluster.ok(
        "wait",
        "--for=condition=Established",
        "crd/clusterwidgets.widgets.example.org",
        "--timeout=20s");
    for (String name : new String[] {"one", "two"}) {
      ProcessResult r =
          cluster
              .kubectl()
              .apply(
                  "apiVersion: widgets.example.org/v1alpha1\nkind: ClusterWidget\nmetadata:\n  name: "
                      + name
                      + "\nspec:\n  size: 3\n");
      assertThat(r.ok()).as(r.toString()).isTrue();
    }
    assertThat(cluster.ok("get", "clusterwidgets", "-o", "name"))
        .contains("clusterwidget.widgets.example.org/one")
        .contains("clusterwidget.widgets.example.org/two");
    assertThat(cluster.get("/apis/widgets.example.org/v1alpha1/clusterwidgets/one").statusCode())
        .isEqualTo(200);

    cluster.ok(
        "patch",
        "clusterwidget",
        "one",
        "--type=merge",
        "-p",
        "{\"metadata\":{\"finalizers\":[\"example.org/hold\"]}}");
    cluster.ok("delete", "crd", "clusterwidgets.widgets.example.org", "--wait=false");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        cluster.ok(
                            "get",
                            "crd",
                            "clusterwidgets.widgets.example.org",
                            "-o",
                            "jsonpath={.status.conditions[?(@.type==\"Terminating\")].reason}"))
                    .isEqualTo("InstanceDeletionInProgress"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(cluster.ok("get", "clusterwidgets", "-o", "name"))
                    .isEqualTo("clusterwidget.widgets.example.org/one\n"));
    ProcessResult refused =
        cluster
            .kubectl()
            .apply(
                "apiVersion: widgets.example.org/v1alpha1\nkind: ClusterWidget\nmetadata:\n  name:"
                    + " three\n");
    assertThat(refused.stderr())
        .contains("create not allowed while custom resource definition is terminating");
    cluster.ok(
        "patch",
        "clusterwidget",
        "one",
        "--type=merge",
        "-p",
        "{\"metadata\":{\"finalizers\":null}}");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .get("/apis/widgets.example.org/v1alpha1/clusterwidgets")
                            .statusCode())
                    .isEqualTo(404));
    assertThat(cluster.get("/apis/widgets.example.org").statusCode()).isEqualTo(404);
    ProcessResult cached = cluster.kubectl().run("get", "clusterwidgets");
    assertThat(cached.ok()).isFalse();
    assertThat(cached.stderr()).contains("the server could not find the requested resource");
    assertThat(cluster.ok("api-resources")).doesNotContain("clusterwidgets");
    ProcessResult gone = cluster.kubectl().run("get", "clusterwidgets");
    assertThat(gone.stderr())
        .contains("the server doesn't have a resource type \"clusterwidgets\"");
  }

  @Test
  void aCrdThatBreaksTheRulesIsRefused() {
    String crd =
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: wrong.example.com
        spec:
          group: example
          scope: Somewhere
          names: {plural: things, kind: Thing}
          versions:
          - {name: v1, served: true, storage: false}
        """;

    ProcessResult r = cluster.kubectl().apply(crd);

    assertThat(r.ok()).isFalse();
    assertThat(r.stderr())
        .contains("The CustomResourceDefinition \"wrong.example.com\" is invalid")
        .contains(
            "metadata.name: Invalid value: \"wrong.example.com\": must be spec.names.plural+\".\"+spec.group")
        .contains(
            "spec.group: Invalid value: \"example\": should be a domain with at least one dot")
        .contains(
            "spec.scope: Unsupported value: \"Somewhere\": supported values: \"Cluster\", \"Namespaced\"")
        .contains("spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required")
        .contains("must have exactly one version marked as storage version");
  }

  private static void apply(String name, String spec) {
    ProcessResult r = applyResult(name, spec);
    assertThat(r.ok()).as(r.toString()).isTrue();
  }

  private static ProcessResult applyResult(String name, String spec) {
    return cluster.kubectl().runWithInput(manifest(name, spec), "apply", "-f", "-");
  }

  private static String manifest(String name, String spec) {
    return "apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: "
        + name
        + "\nspec:\n    "
        + spec
        + "\n";
  }
}
