package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.testing.TestApiServers;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every failure is a Status with the right code and reason, and changes nothing stored. */
class ApiErrorsIT {
  private static TestApiServers servers;
  private static Http http;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(1, HzStoreOptions.defaults(), o -> o, InstrumentedStore::new);
    http = Http.of(servers, 0);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void missingTokenIsUnauthorized() {
    Http.Reply r =
        http.send(http.unauthenticated(URI.create(servers.url(0) + "/api/v1/pods")).GET().build());
    assertStatus(r, 401, "Unauthorized");
  }

  @Test
  void wrongTokenIsUnauthorized() {
    Http.Reply r =
        http.send(
            http.unauthenticated(URI.create(servers.url(0) + "/api/v1/pods"))
                .header("Authorization", "Bearer nope")
                .GET()
                .build());
    assertStatus(r, 401, "Unauthorized");
  }

  @Test
  void healthAndVersionNeedNoToken() {
    for (String path : new String[] {"/healthz", "/livez", "/readyz", "/version"}) {
      Http.Reply r =
          http.send(http.unauthenticated(URI.create(servers.url(0) + path)).GET().build());
      assertThat(r.code()).as(path).isEqualTo(200);
    }
  }

  @Test
  void unknownPathsAndResourcesAreNotFound() {
    for (String path :
        new String[] {
          "/nope",
          "/api/v2",
          "/api/v1/foos",
          "/apis/apps/v1/pods",
          "/apis/nope/v1",
          "/openapi/v2",
          "/api/v1/pods/web"
        }) {
      Http.Reply r = http.get(path);
      assertStatus(r, 404, "NotFound");
      assertThat(r.json().path("message").asText())
          .as(path)
          .isEqualTo("the server could not find the requested resource");
    }
  }

  @Test
  void podProxyIsNotFoundSayingSkiffDoesNotServeIt() {
    Http.Reply r =
        http.send("POST", "/api/v1/namespaces/default/pods/web/proxy", "application/json", "{}");
    assertStatus(r, 404, "NotFound");
    assertThat(r.json().path("message").asText())
        .startsWith("pods/proxy is not supported by Skiff");
    // other unknown subresources keep the generic answer
    Http.Reply other = http.get("/api/v1/namespaces/default/pods/web/nope");
    assertStatus(other, 404, "NotFound");
    assertThat(other.json().path("message").asText())
        .isEqualTo("the server could not find the requested resource");
  }

  @Test
  void podExecOfAMissingPodIsNotFound() {
    Http.Reply r = http.get("/api/v1/namespaces/default/pods/nosuch/exec?command=true");
    assertStatus(r, 404, "NotFound");
  }

  @Test
  void missingObjectIsNotFoundNamingTheResource() {
    Http.Reply r = http.get("/apis/apps/v1/namespaces/default/deployments/nosuch");
    assertStatus(r, 404, "NotFound");
    assertThat(r.json().path("message").asText())
        .isEqualTo("deployments.apps \"nosuch\" not found");
  }

  @Test
  void malformedJsonIsBadRequest() {
    Http.Reply r =
        http.send("POST", "/api/v1/namespaces/default/pods", "application/json", "{\"kind\":");
    assertStatus(r, 400, "BadRequest");
  }

  @Test
  void unsupportedContentTypeIsUnsupportedMediaType() {
    Http.Reply r = http.send("POST", "/api/v1/namespaces/default/configmaps-no", "text/plain", "x");
    assertStatus(r, 404, "NotFound");
    r =
        http.send(
            "POST",
            "/api/v1/namespaces/default/pods",
            "application/cbor", // protobuf is decoded: ProtobufBodiesIT
            "k8s");
    assertStatus(r, 415, "UnsupportedMediaType");
    r = http.send("PATCH", "/api/v1/namespaces/default/pods/x", "application/json", "{}");
    assertStatus(r, 415, "UnsupportedMediaType");
  }

  @Test
  void oversizedBodyIsRequestEntityTooLarge() {
    String big =
        "{\"metadata\":{\"name\":\"big\",\"annotations\":{\"a\":\""
            + "x".repeat(4 * 1024 * 1024)
            + "\"}}}";
    Http.Reply r = http.send("POST", "/api/v1/namespaces/default/pods", "application/json", big);
    assertStatus(r, 413, "RequestEntityTooLarge");
    assertThat(http.get("/api/v1/namespaces/default/pods/big").code()).isEqualTo(404);
  }

  @Test
  void unsupportedVerbIsMethodNotAllowed() {
    Http.Reply r = http.send("PUT", "/api/v1/namespaces/default/pods", "application/json", "{}");
    assertStatus(r, 405, "MethodNotAllowed");
    r = http.send("POST", "/api/v1/namespaces/default/pods/x", "application/json", "{}");
    assertStatus(r, 405, "MethodNotAllowed");
  }

  @Test
  void creatingInAMissingNamespaceIsNotFound() {
    Http.Reply r =
        http.send(
            "POST",
            "/api/v1/namespaces/ghost/pods",
            "application/json",
            "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
    assertStatus(r, 404, "NotFound");
    assertThat(r.json().path("message").asText()).isEqualTo("namespaces \"ghost\" not found");
  }

  @Test
  void bodyNamespaceDifferentFromUrlIsBadRequest() {
    Http.Reply r =
        http.send(
            "POST",
            "/api/v1/namespaces/default/pods",
            "application/json",
            "{\"metadata\":{\"name\":\"p\",\"namespace\":\"kube-system\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
    assertStatus(r, 400, "BadRequest");
  }

  @Test
  void unexpectedFailuresAreInternalErrorsWithoutDetailsAndTheServerStaysUp() {
    Http.Reply r =
        http.send(
            "POST",
            "/api/v1/namespaces/default/pods",
            "application/json",
            JsonBodies.pod(InstrumentedStore.EXPLODING));
    assertStatus(r, 500, "InternalError");
    assertThat(r.body())
        .doesNotContain("internal detail")
        .doesNotContain("Exception")
        .doesNotContain("at dev.");
    assertThat(http.get("/api/v1/namespaces/default/pods/" + InstrumentedStore.EXPLODING).code())
        .isEqualTo(404);
    assertThat(
            http.send(
                    "POST",
                    "/api/v1/namespaces/default/pods",
                    "application/json",
                    JsonBodies.pod("fine"))
                .code())
        .isEqualTo(201);
  }

  static void assertStatus(Http.Reply r, int code, String reason) {
    assertThat(r.code()).as(r.body()).isEqualTo(code);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("kind").asText()).isEqualTo("Status");
    assertThat(r.json().path("status").asText()).isEqualTo("Failure");
    assertThat(r.json().path("reason").asText()).isEqualTo(reason);
    assertThat(r.json().path("code").asInt()).isEqualTo(code);
  }
}
