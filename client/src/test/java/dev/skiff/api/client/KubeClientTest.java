package dev.skiff.api.client;

import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.Fixtures.podList;
import static dev.skiff.api.client.ScriptedApiServer.json;
import static dev.skiff.api.client.ScriptedApiServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.KubeList;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KubeClientTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";

  @RegisterExtension
  static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension("s3cret");

  private ScriptedApiServer server;
  private KubeClient client;

  @BeforeEach
  void start() {
    server = SCRIPTED.server();
    client = SCRIPTED.client();
  }

  @Test
  void getDecodesTheTypedObjectAndSendsTheBearerToken() {
    server.always(HttpMethod.GET, PODS + "/web", r -> true, json(200, pod("web", "7")));

    Pod pod = Await.result(client.get(Pod.class, "default", "web"));

    assertThat(pod.meta().name).isEqualTo("web");
    assertThat(pod.meta().resourceVersion).isEqualTo("7");
    ScriptedApiServer.Recorded request = server.requests().get(0);
    assertThat(request.headers().get("Authorization")).isEqualTo("Bearer s3cret");
    assertThat(request.headers().get("Accept")).contains("application/json");
  }

  @Test
  void listDecodesItemsIntoTheModelClassAndEncodesSelectors() {
    server.always(
        HttpMethod.GET, PODS, r -> true, json(200, podList("42", pod("a", "1"), pod("b", "2"))));

    KubeList<Pod> list =
        Await.result(
            client.list(
                Pod.class,
                "default",
                ListOptions.labelSelector("app in (web,api),tier!=db")
                    .withFieldSelector("status.phase=Running")
                    .withLimit(500)));

    assertThat(list.metadata.resourceVersion).isEqualTo("42");
    assertThat(list.items).extracting(p -> p.meta().name).containsExactly("a", "b");
    assertThat(list.items.get(0)).isInstanceOf(Pod.class);
    ScriptedApiServer.Recorded request = server.requests().get(0);
    assertThat(request.param("labelSelector")).isEqualTo("app in (web,api),tier!=db");
    assertThat(request.param("fieldSelector")).isEqualTo("status.phase=Running");
    assertThat(request.param("limit")).isEqualTo("500");
  }

  @Test
  void listWithoutNamespaceUsesTheClusterWideCollection() {
    server.always(HttpMethod.GET, "/api/v1/pods", r -> true, json(200, podList("3")));

    assertThat(Await.result(client.list(Pod.class, null, ListOptions.none())).items).isEmpty();
  }

  @Test
  void anEmptyNamespaceListsAllNamespacesLikeNull() {
    server.always(HttpMethod.GET, "/api/v1/pods", r -> true, json(200, podList("3")));

    assertThat(Await.result(client.list(Pod.class, "", ListOptions.none())).items).isEmpty();
  }

  @Test
  void clusterScopedKindsIgnoreTheNamespaceAndGroupedKindsUseApis() {
    server
        .always(
            HttpMethod.GET,
            "/api/v1/nodes/n1",
            r -> true,
            json(200, "{\"kind\":\"Node\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"n1\"}}"))
        .always(
            HttpMethod.GET,
            "/apis/apps/v1/namespaces/prod/deployments/api",
            r -> true,
            json(
                200,
                "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"api\"}}"));

    assertThat(Await.result(client.get(Node.class, "ignored", "n1")).meta().name).isEqualTo("n1");
    assertThat(Await.result(client.get(Deployment.class, "prod", "api")).apiVersion)
        .isEqualTo("apps/v1");
  }

  @Test
  void createPostsToTheObjectsNamespaceAndReturnsTheStoredObject() {
    server.always(HttpMethod.POST, PODS, r -> true, json(201, pod("web", "9")));
    Pod pod = new Pod();
    pod.meta().name = "web";
    pod.meta().namespace = "default";

    Pod created = Await.result(client.create(pod, PatchOptions.fieldManager("skiff-test")));

    assertThat(created.meta().resourceVersion).isEqualTo("9");
    ScriptedApiServer.Recorded request = server.requests().get(0);
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.param("fieldManager")).isEqualTo("skiff-test");
    assertThat(Json.tree(request.body().getBytes()).at("/metadata/name").asText()).isEqualTo("web");
  }

  @Test
  void aNamespacedKindWithoutNamespaceFailsTheFutureWithoutARequest() {
    Pod pod = new Pod();
    pod.meta().name = "web";

    assertThat(Await.failure(client.create(pod))).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void updateOfAStaleObjectFailsWithConflict() {
    server.always(
        HttpMethod.PUT,
        PODS + "/web",
        r -> true,
        status(409, "Conflict", "Operation cannot be fulfilled on pods \\\"web\\\""));
    Pod pod = Json.parse(pod("web", "3"), Pod.class);

    Throwable error = Await.failure(client.update(pod));

    assertThat(error)
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("Conflict");
              assertThat(e.code()).isEqualTo(409);
            });
    assertThat(Errors.isConflict(error)).isTrue();
    assertThat(
            Json.tree(server.requests().get(0).body().getBytes())
                .at("/metadata/resourceVersion")
                .asText())
        .isEqualTo("3");
  }

  @Test
  void updateStatusPutsToTheStatusSubresource() {
    server.always(HttpMethod.PUT, PODS + "/web/status", r -> true, json(200, pod("web", "4")));

    Pod updated = Await.result(client.updateStatus(Json.parse(pod("web", "3"), Pod.class)));

    assertThat(updated.meta().resourceVersion).isEqualTo("4");
  }

  @ParameterizedTest
  @EnumSource(PatchType.class)
  void patchSendsTheContentTypeOfItsPatchType(PatchType type) {
    server.always(HttpMethod.PATCH, PODS + "/web", r -> true, json(200, pod("web", "5")));

    Await.result(
        client.patch(
            Pod.class, "default", "web", type, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"));

    ScriptedApiServer.Recorded request = server.requests().get(0);
    assertThat(request.headers().get("Content-Type")).isEqualTo(type.contentType());
    assertThat(request.body()).isEqualTo("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
  }

  @Test
  void serverSideApplySendsFieldManagerForceAndDryRun() {
    server.always(HttpMethod.PATCH, PODS + "/web", r -> true, json(200, pod("web", "5")));
    JsonNode body = Json.tree(pod("web", "1").getBytes());

    Await.result(
        client.patch(
            Pod.class,
            "default",
            "web",
            PatchType.APPLY,
            body,
            PatchOptions.apply("skiff", true).withDryRun(true)));

    ScriptedApiServer.Recorded request = server.requests().get(0);
    assertThat(request.param("fieldManager")).isEqualTo("skiff");
    assertThat(request.param("force")).isEqualTo("true");
    assertThat(request.param("dryRun")).isEqualTo("All");
    assertThat(request.body()).contains("\"name\":\"web\"");
  }

  @Test
  void deleteSendsDeleteOptionsAsTheBody() {
    server.always(
        HttpMethod.DELETE, PODS + "/web", r -> true, json(200, Fixtures.status(200, "", "")));

    Await.result(
        client.delete(
            Pod.class,
            "default",
            "web",
            DeleteOptions.propagation(DeleteOptions.Propagation.Foreground)
                .withGracePeriodSeconds(0)
                .withPreconditions("uid-1", "8")));

    JsonNode body = Json.tree(server.requests().get(0).body().getBytes());
    assertThat(body.path("kind").asText()).isEqualTo("DeleteOptions");
    assertThat(body.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(body.path("propagationPolicy").asText()).isEqualTo("Foreground");
    assertThat(body.path("gracePeriodSeconds").asLong()).isZero();
    assertThat(body.at("/preconditions/uid").asText()).isEqualTo("uid-1");
    assertThat(body.at("/preconditions/resourceVersion").asText()).isEqualTo("8");
    assertThat(body.has("dryRun")).isFalse();
  }

  /** Non-2xx answers: the Status when the body is one, else one synthesized from the code. */
  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET   |404|{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,\"message\":\"pods \\\"x\\\" not found\"}|NotFound|404",
        "GET   |404|page not found|NotFound|404",
        "GET   |500|<html>boom</html>|InternalError|500",
        "GET   |403||Forbidden|403",
        "GET   |401|{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"Unauthorized\"}|Unauthorized|401",
        "GET   |410|gone|Gone|410",
        "GET   |422|{\"kind\":\"Status\",\"reason\":\"Invalid\",\"code\":422}|Invalid|422",
        "POST  |409|exists|AlreadyExists|409",
        "PUT   |409|stale|Conflict|409",
        "GET   |429||TooManyRequests|429",
        "GET   |503|{\"not\":\"a status\"}|ServiceUnavailable|503",
      })
  void errorAnswersBecomeStatusExceptions(
      String method, int code, String body, String reason, int expectedCode) {
    HttpMethod m = HttpMethod.valueOf(method.strip());
    String path = m == HttpMethod.POST ? PODS : PODS + "/web";
    server.always(m, path, r -> true, json(code, body == null ? "" : body));

    Throwable error =
        Await.failure(
            switch (method.strip()) {
              case "POST" -> client.create(Json.parse(pod("web", "1"), Pod.class));
              case "PUT" -> client.update(Json.parse(pod("web", "1"), Pod.class));
              default -> client.get(Pod.class, "default", "web");
            });

    assertThat(error)
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.code()).isEqualTo(expectedCode);
              assertThat(e.status().status).isEqualTo("Failure");
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  @Test
  void a410AnswerCountsAsExpired() {
    server.always(
        HttpMethod.GET, PODS, r -> true, status(410, "Expired", "too old resource version: 1 (5)"));

    Throwable error =
        Await.failure(
            client.list(Pod.class, "default", ListOptions.none().withResourceVersion("1")));

    assertThat(Errors.isExpired(error)).isTrue();
    assertThat(Errors.isNotFound(error)).isFalse();
  }

  @Test
  void anUndecodableSuccessBodyFailsWithInternalError() {
    server.always(HttpMethod.GET, PODS + "/web", r -> true, json(200, "{not json"));

    Throwable error = Await.failure(client.get(Pod.class, "default", "web"));

    assertThat(error)
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo("InternalError"));
  }

  @Test
  void ignoreNotFoundTurnsA404IntoNull() {
    server.always(
        HttpMethod.GET,
        PODS + "/gone",
        r -> true,
        status(404, "NotFound", "pods \\\"gone\\\" not found"));

    Pod pod =
        Await.result(client.get(Pod.class, "default", "gone").recover(Errors.ignoreNotFound()));

    assertThat(pod).isNull();
  }

  @Test
  void aRefusedConnectionFailsWithTheTransportErrorNotAStatus() {
    KubeClient nowhere = new KubeClient(SCRIPTED.vertx(), "http://127.0.0.1:1");

    Throwable error = Await.failure(nowhere.get(Pod.class, "default", "web"));

    assertThat(Errors.isStatus(error)).isFalse();
    Await.result(nowhere.close());
  }

  @Test
  void theBaseUrlPathIsAPrefixOfEveryRequest() {
    server.always(HttpMethod.GET, "/k8s" + PODS + "/web", r -> true, json(200, pod("web", "1")));
    KubeClient prefixed = new KubeClient(SCRIPTED.vertx(), server.url() + "/k8s/");

    assertThat(Await.result(prefixed.get(Pod.class, "default", "web")).meta().name)
        .isEqualTo("web");
    Await.result(prefixed.close());
  }
}
