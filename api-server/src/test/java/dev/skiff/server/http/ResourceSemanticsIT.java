package dev.skiff.server.http;

import static dev.skiff.server.http.ApiErrorsIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.testing.TestApiServers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What create, update, patch and delete do to objects, over HTTP. */
class ResourceSemanticsIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String STATEFULSETS = "/apis/apps/v1/namespaces/default/statefulsets";
  private static final String JSON = "application/json";
  private static final String MERGE = "application/merge-patch+json";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static TestApiServers servers;
  private static Http http;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1);
    http = Http.of(servers, 0);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void createFillsServerOwnedMetadata() {
    String body =
        "{\"metadata\":{\"generateName\":\"job-\",\"creationTimestamp\":null,\"resourceVersion\":\"abc\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}";
    Http.Reply r = http.send("POST", PODS, JSON, body);
    assertThat(r.code()).as(r.body()).isEqualTo(201);
    JsonNode meta = r.json().path("metadata");
    assertThat(meta.path("name").asText()).matches("job-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(meta.path("uid").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(meta.path("creationTimestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(meta.path("resourceVersion").asText()).matches("\\d+");
    assertThat(meta.path("generation").asLong()).isEqualTo(1);
    assertThat(meta.path("namespace").asText()).isEqualTo("default");
    assertThat(r.json().path("kind").asText()).isEqualTo("Pod");
    assertThat(r.json().path("status").path("phase").asText()).isEqualTo("Pending");
  }

  @Test
  void generationCountsSpecChangesOnly() {
    String name = create(DEPLOYMENTS, JsonBodies.deployment(next("gen"), 1));
    String item = DEPLOYMENTS + "/" + name;
    patch(item, MERGE, "{\"metadata\":{\"labels\":{\"x\":\"1\"}}}");
    assertThat(generation(item)).isEqualTo(1);
    patch(item, MERGE, "{\"spec\":{\"replicas\":3}}");
    assertThat(generation(item)).isEqualTo(2);
    patch(item + "/status", MERGE, "{\"status\":{\"replicas\":3}}");
    assertThat(generation(item)).isEqualTo(2);
  }

  @Test
  void configKindsHaveNoGenerationAsInKubernetes() {
    for (String kind : new String[] {"configmaps", "secrets", "serviceaccounts"}) {
      String collection = "/api/v1/namespaces/default/" + kind;
      String name = create(collection, "{\"metadata\":{\"name\":\"" + next("g") + "\"}}");
      String item = collection + "/" + name;
      assertThat(http.get(item).json().path("metadata").has("generation")).as(kind).isFalse();
      JsonNode patched = patch(item, MERGE, "{\"metadata\":{\"labels\":{\"x\":\"1\"}}}");
      assertThat(patched.path("metadata").has("generation")).as(kind).isFalse();
    }
    String sts = create(STATEFULSETS, JsonBodies.statefulSet(next("gen"), 1));
    assertThat(generation(STATEFULSETS + "/" + sts)).isEqualTo(1);
    patch(STATEFULSETS + "/" + sts, MERGE, "{\"spec\":{\"replicas\":2}}");
    assertThat(generation(STATEFULSETS + "/" + sts)).isEqualTo(2);
  }

  @Test
  void mainResourceIgnoresStatusAndStatusSubresourceIgnoresTheRest() {
    String name = create(DEPLOYMENTS, JsonBodies.deployment(next("st"), 1));
    String item = DEPLOYMENTS + "/" + name;
    JsonNode main = patch(item, MERGE, "{\"spec\":{\"replicas\":2},\"status\":{\"replicas\":7}}");
    assertThat(main.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(main.path("status").path("replicas").asInt()).isZero();
    JsonNode status =
        patch(
            item + "/status",
            MERGE,
            "{\"spec\":{\"replicas\":9},\"status\":{\"replicas\":5},\"metadata\":{\"labels\":{\"z\":\"1\"}}}");
    assertThat(status.path("status").path("replicas").asInt()).isEqualTo(5);
    assertThat(status.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(status.path("metadata").path("labels").has("z")).isFalse();
    JsonNode current = http.get(item).json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) current.path("status")).put("replicas", 4);
    Http.Reply put = http.send("PUT", item + "/status", JSON, current.toString());
    assertThat(put.json().path("status").path("replicas").asInt()).as(put.body()).isEqualTo(4);
  }

  @Test
  void staleResourceVersionIsConflictOnPutAndPatch() {
    String name = create(PODS, JsonBodies.pod(next("rv")));
    JsonNode pod = http.get(PODS + "/" + name).json();
    patch(PODS + "/" + name, MERGE, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    Http.Reply put = http.send("PUT", PODS + "/" + name, JSON, pod.toString());
    assertStatus(put, 409, "Conflict");
    Http.Reply stale =
        http.send(
            "PATCH",
            PODS + "/" + name,
            MERGE,
            "{\"metadata\":{\"resourceVersion\":\"1\",\"labels\":{\"c\":\"d\"}}}");
    assertStatus(stale, 409, "Conflict");
    assertThat(http.get(PODS + "/" + name).json().path("metadata").path("labels").has("c"))
        .isFalse();
  }

  @Test
  void dryRunPersistsNothing() {
    String name = next("dry");
    Http.Reply created = http.send("POST", PODS + "?dryRun=All", JSON, JsonBodies.pod(name));
    assertThat(created.code()).isEqualTo(201);
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(404);
    Http.Reply applied =
        http.send(
            "PATCH",
            PODS + "/" + name + "?dryRun=All&fieldManager=t",
            "application/apply-patch+yaml",
            JsonBodies.pod(name));
    assertThat(applied.code()).isEqualTo(201);
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(404);
    create(PODS, JsonBodies.pod(name));
    Http.Reply patched =
        http.send(
            "PATCH",
            PODS + "/" + name + "?dryRun=All",
            MERGE,
            "{\"metadata\":{\"labels\":{\"d\":\"1\"}}}");
    assertThat(patched.json().path("metadata").path("labels").path("d").asText()).isEqualTo("1");
    assertThat(http.get(PODS + "/" + name).json().path("metadata").path("labels").has("d"))
        .isFalse();
    Http.Reply deleted = http.send("DELETE", PODS + "/" + name + "?dryRun=All", null, null);
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(200);
  }

  @Test
  void applyPatchCreatesWhenAbsentThenUpdates() {
    String name = next("apply");
    String path = PODS + "/" + name + "?fieldManager=test&force=true";
    Http.Reply first =
        http.send("PATCH", path, "application/apply-patch+yaml", JsonBodies.pod(name));
    assertThat(first.code()).as(first.body()).isEqualTo(201);
    Http.Reply second =
        http.send(
            "PATCH",
            path,
            "application/apply-patch+yaml",
            JsonBodies.pod(name, "{\"app\":\"web\",\"v\":\"2\"}"));
    assertThat(second.code()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("metadata").path("labels").path("v").asText()).isEqualTo("2");
  }

  @Test
  void finalizersHoldDeletionUntilTheLastIsRemoved() {
    String name = next("fin");
    create(
        PODS,
        JsonBodies.pod(name)
            .replace("\"labels\"", "\"finalizers\":[\"skiff.dev/hold\"],\"labels\""));
    Http.Reply deleted =
        http.send("DELETE", PODS + "/" + name, JSON, "{\"propagationPolicy\":\"Background\"}");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.json().path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(200);
    patch(PODS + "/" + name, MERGE, "{\"metadata\":{\"finalizers\":null}}");
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(404);
  }

  @Test
  void podsBoundToANodeAreDeletedGracefully() {
    String name = next("grace");
    create(
        PODS,
        JsonBodies.pod(name).replace("\"containers\"", "\"nodeName\":\"node-a\",\"containers\""));
    Http.Reply graceful = http.send("DELETE", PODS + "/" + name, null, null);
    assertThat(graceful.code()).isEqualTo(200);
    JsonNode meta = graceful.json().path("metadata");
    assertThat(meta.path("deletionTimestamp").asText()).isNotEmpty();
    assertThat(meta.path("deletionGracePeriodSeconds").asLong()).isEqualTo(30);
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(200);
    Http.Reply forced = http.send("DELETE", PODS + "/" + name, JSON, "{\"gracePeriodSeconds\":0}");
    assertThat(forced.code()).isEqualTo(200);
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(404);
  }

  @Test
  void unboundPodsAreDeletedAtOnce() {
    String name = create(PODS, JsonBodies.pod(next("unbound")));
    Http.Reply deleted = http.send("DELETE", PODS + "/" + name, null, null);
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.json().path("metadata").path("name").asText()).isEqualTo(name);
    assertThat(http.get(PODS + "/" + name).code()).isEqualTo(404);
  }

  @Test
  void deletingANamespaceTerminatesItsContentThenItself() {
    String ns = next("ns");
    assertThat(http.send("POST", "/api/v1/namespaces", JSON, JsonBodies.namespace(ns)).code())
        .isEqualTo(201);
    String pods = "/api/v1/namespaces/" + ns + "/pods";
    String held =
        JsonBodies.pod("inside")
            .replace("\"labels\"", "\"finalizers\":[\"skiff.dev/hold\"],\"labels\"");
    assertThat(http.send("POST", pods, JSON, held).code()).isEqualTo(201);
    Http.Reply deleted = http.send("DELETE", "/api/v1/namespaces/" + ns, null, null);
    assertThat(deleted.json().path("status").path("phase").asText()).isEqualTo("Terminating");
    assertStatus(http.send("POST", pods, JSON, JsonBodies.pod("late")), 403, "Forbidden");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !http.get(pods + "/inside")
                    .json()
                    .path("metadata")
                    .path("deletionTimestamp")
                    .isMissingNode());
    assertThat(http.get("/api/v1/namespaces/" + ns).code()).isEqualTo(200);
    patch(pods + "/inside", MERGE, "{\"metadata\":{\"finalizers\":null}}");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/namespaces/" + ns).code() == 404);
    assertThat(http.get(pods + "/inside").code()).isEqualTo(404);
  }

  @Test
  void seededNamespacesExistAndDefaultCannotBeDeleted() {
    for (String ns : new String[] {"default", "kube-system", "kube-node-lease"}) {
      assertThat(http.get("/api/v1/namespaces/" + ns).json().path("status").path("phase").asText())
          .isEqualTo("Active");
    }
    assertStatus(http.send("DELETE", "/api/v1/namespaces/default", null, null), 403, "Forbidden");
  }

  @Test
  void listItemsCarryApiVersionAndKind() {
    create(PODS, JsonBodies.pod(next("list")));
    JsonNode list = http.get(PODS).json();
    assertThat(list.path("kind").asText()).isEqualTo("PodList");
    assertThat(list.path("metadata").path("resourceVersion").asText()).matches("\\d+");
    for (JsonNode item : list.path("items")) {
      assertThat(item.path("apiVersion").asText()).isEqualTo("v1");
      assertThat(item.path("kind").asText()).isEqualTo("Pod");
    }
    JsonNode all = http.get("/api/v1/pods?labelSelector=app%3Dweb").json();
    assertThat(all.path("items").size()).isPositive();
  }

  @Test
  void tablesHonourIncludeObject() {
    String name = create(PODS, JsonBodies.pod(next("table")));
    String accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    JsonNode table = http.get(PODS + "?fieldSelector=metadata.name%3D" + name, accept).json();
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "IP",
            "Node",
            "Nominated Node",
            "Readiness Gates");
    JsonNode row = table.path("rows").get(0);
    assertThat(row.path("cells").get(0).asText()).isEqualTo(name);
    assertThat(row.path("cells").get(2).asText()).isEqualTo("Pending");
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    JsonNode full = http.get(PODS + "/" + name + "?includeObject=Object", accept).json();
    assertThat(full.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("Pod");
    JsonNode none = http.get(PODS + "/" + name + "?includeObject=None", accept).json();
    assertThat(none.path("rows").get(0).has("object")).isFalse();
  }

  @Test
  void scaleSubresourceReadsAndWritesReplicas() {
    String name = create(DEPLOYMENTS, JsonBodies.deployment(next("scale"), 2));
    String scale = DEPLOYMENTS + "/" + name + "/scale";
    JsonNode read = http.get(scale).json();
    assertThat(read.path("kind").asText()).isEqualTo("Scale");
    assertThat(read.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(read.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(read.path("status").path("selector").asText()).isEqualTo("app=" + name);
    ((com.fasterxml.jackson.databind.node.ObjectNode) read.path("spec")).put("replicas", 3);
    Http.Reply put = http.send("PUT", scale, null, read.toString());
    assertThat(put.json().path("spec").path("replicas").asInt()).as(put.body()).isEqualTo(3);
    assertStatus(http.send("PUT", scale, null, read.toString()), 409, "Conflict");
    JsonNode patched = patch(scale, MERGE, "{\"spec\":{\"replicas\":5}}");
    assertThat(patched.path("spec").path("replicas").asInt()).isEqualTo(5);
    JsonNode deployment = http.get(DEPLOYMENTS + "/" + name).json();
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(deployment.path("metadata").path("generation").asInt()).isEqualTo(3);
  }

  @Test
  void deleteCollectionDeletesWhatTheSelectorMatches() {
    String group = next("grp");
    create(PODS, JsonBodies.pod(next("dc"), "{\"grp\":\"" + group + "\"}"));
    create(PODS, JsonBodies.pod(next("dc"), "{\"grp\":\"" + group + "\"}"));
    Http.Reply r = http.send("DELETE", PODS + "?labelSelector=grp%3D" + group, null, null);
    assertThat(r.json().path("items").size()).as(r.body()).isEqualTo(2);
    assertThat(http.get(PODS + "?labelSelector=grp%3D" + group).json().path("items").size())
        .isZero();
  }

  @Test
  void bindingAssignsANodeOnce() {
    String name = create(PODS, JsonBodies.pod(next("bind")));
    String binding =
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"target\":{\"kind\":\"Node\",\"name\":\"n1\"}}";
    assertThat(http.send("POST", PODS + "/" + name + "/binding", JSON, binding).code())
        .isEqualTo(201);
    assertThat(http.get(PODS + "/" + name).json().path("spec").path("nodeName").asText())
        .isEqualTo("n1");
    assertStatus(http.send("POST", PODS + "/" + name + "/binding", JSON, binding), 409, "Conflict");
  }

  @Test
  void invalidObjectsAreRejectedWithCauses() {
    Http.Reply r =
        http.send(
            "POST",
            PODS,
            JSON,
            "{\"metadata\":{\"name\":\"Bad_Name\"},\"spec\":{\"containers\":[]}}");
    assertStatus(r, 422, "Invalid");
    assertThat(r.json().path("details").path("causes").size()).isPositive();
    assertThat(http.get(PODS + "/Bad_Name").code()).isEqualTo(404);
  }

  private static String create(String collection, String body) {
    Http.Reply r = http.send("POST", collection, JSON, body);
    assertThat(r.code()).as(r.body()).isEqualTo(201);
    return r.json().path("metadata").path("name").asText();
  }

  private static JsonNode patch(String path, String type, String body) {
    Http.Reply r = http.send("PATCH", path, type, body);
    assertThat(r.code()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static long generation(String path) {
    return http.get(path).json().path("metadata").path("generation").asLong();
  }

  private static String next(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }
}
