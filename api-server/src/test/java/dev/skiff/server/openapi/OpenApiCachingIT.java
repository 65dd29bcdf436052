package dev.skiff.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.server.kubectl.KubectlCluster;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ETags, 304s, Cache-Control, hash redirects and media types of the OpenAPI endpoints. */
class OpenApiCachingIT {
  @RegisterExtension static final KubectlCluster cluster = new KubectlCluster();

  private static HttpResponse<String> get(String path, String... headers) {
    return cluster.get(path, headers);
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void aDocumentFetchedByItsHashIsImmutableAndRevalidatesTo304() {
    JsonNode index = Json.tree(get("/openapi/v3").body().getBytes());
    String url = index.at("/paths/apis~1apps~1v1/serverRelativeURL").asText();
    HttpResponse<String> first = get(url);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "Cache-Control")).contains("immutable");
    String etag = header(first, "ETag");
    assertThat(url).endsWith("hash=" + etag.replace("\"", ""));
    HttpResponse<String> again = get(url, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void aStaleHashRedirectsToTheCurrentDocument() {
    HttpResponse<String> r = get("/openapi/v3/api/v1?hash=STALE");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(header(r, "Location"))
        .startsWith("/openapi/v3/api/v1?hash=")
        .doesNotContain("STALE");
  }

  @Test
  void withoutAHashTheDocumentMustBeRevalidated() {
    HttpResponse<String> r = get("/openapi/v3/api/v1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Cache-Control")).isEqualTo("no-cache, private");
    assertThat(get("/openapi/v3/apis/nosuch/v1").statusCode()).isEqualTo(404);
  }

  @Test
  void v2IsJsonWithAnETagAndRefusesProtobufOnlyRequests() {
    HttpResponse<String> r = get("/openapi/v2", "Accept", "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = Json.tree(r.body().getBytes());
    assertThat(doc.path("swagger").asText()).isEqualTo("2.0");
    assertThat(doc.path("definitions").has("io.k8s.api.apps.v1.Deployment")).isTrue();
    assertThat(get("/openapi/v2", "If-None-Match", header(r, "ETag")).statusCode()).isEqualTo(304);
    HttpResponse<String> proto =
        get("/openapi/v2", "Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
    assertThat(proto.statusCode()).isEqualTo(406);
  }
}
