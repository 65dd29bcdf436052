package dev.skiff.server.http;

import static dev.skiff.server.http.ApiErrorsIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.server.testing.TestApiServers;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fields a kind does not declare are dropped on every write; {@code fieldValidation} decides
 * whether the client hears of it: Ignore (not at all), Warn (the default: a Warning header), Strict
 * (kubectl's default: 400 BadRequest).
 */
class FieldValidationIT {
  private static final String SERVICES = "/api/v1/namespaces/default/services";
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

  private record Reply(int code, String body, List<String> warnings) {
    JsonNode json() {
      return Json.parse(body, JsonNode.class);
    }
  }

  private static Reply send(String method, String path, String contentType, String body) {
    HttpRequest request =
        http.request(path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> r = http.client().send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers().allValues("Warning"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String service(String name, String extraSpec) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\""
        + name
        + "\",\"labels\":{\"any-key\":\"v\"},\"annotations\":{\"also.any/key\":\"v\"}},"
        + "\"spec\":{\"ports\":[{\"port\":80}]"
        + extraSpec
        + "}}";
  }

  private static void assertStrictError(Reply r, String message) {
    assertThat(r.code()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(r.json().path("message").asText()).isEqualTo(message);
  }

  @Test
  void strictRefusesUnknownFieldsOnCreateAndUpdate() {
    Reply r =
        send(
            "POST",
            SERVICES + "?fieldValidation=Strict",
            "application/json",
            service("strict", ",\"bogusField\":1"));
    assertStrictError(r, "strict decoding error: unknown field \"spec.bogusField\"");
    r =
        send(
            "POST",
            SERVICES + "?fieldValidation=Strict",
            "application/json",
            service("strict", "").replace("\"port\":80", "\"port\":80,\"bogus\":{\"x\":1}"));
    assertStrictError(r, "strict decoding error: unknown field \"spec.ports[0].bogus\"");
    assertStatus(http.get(SERVICES + "/strict"), 404, "NotFound");

    // labels and annotations are maps: any key is declared
    r =
        send(
            "POST",
            SERVICES + "?fieldValidation=Strict",
            "application/json",
            service("strict", ""));
    assertThat(r.code()).as(r.body()).isEqualTo(201);
    JsonNode stored = r.json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) stored.path("spec")).put("bogusField", 1);
    r =
        send(
            "PUT",
            SERVICES + "/strict?fieldValidation=Strict",
            "application/json",
            stored.toString());
    assertStrictError(r, "strict decoding error: unknown field \"spec.bogusField\"");
  }

  @Test
  void warnDropsUnknownFieldsWithAWarningAndIgnoreSilently() {
    Reply warned =
        send("POST", SERVICES, "application/json", service("warned", ",\"bogusField\":1"));
    assertThat(warned.code()).as(warned.body()).isEqualTo(201);
    assertThat(warned.warnings())
        .containsExactly("299 - \"unknown field \\\"spec.bogusField\\\"\"");
    assertThat(warned.json().path("spec").has("bogusField")).isFalse();
    assertThat(http.get(SERVICES + "/warned").json().path("spec").has("bogusField")).isFalse();

    Reply ignored =
        send(
            "POST",
            SERVICES + "?fieldValidation=Ignore",
            "application/json",
            service("ignored", ",\"bogusField\":1"));
    assertThat(ignored.code()).as(ignored.body()).isEqualTo(201);
    assertThat(ignored.warnings()).isEmpty();
    assertThat(http.get(SERVICES + "/ignored").json().path("spec").has("bogusField")).isFalse();
  }

  @Test
  void everyPatchTypeIsValidatedToo() {
    assertThat(send("POST", SERVICES, "application/json", service("patched", "")).code())
        .isEqualTo(201);
    String[][] patches = {
      {"application/merge-patch+json", "{\"spec\":{\"bogusField\":1}}"},
      {"application/strategic-merge-patch+json", "{\"spec\":{\"bogusField\":1}}"},
      {
        "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/spec/bogusField\",\"value\":1}]"
      },
      {
        "application/apply-patch+yaml",
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"patched\"},"
            + "\"spec\":{\"bogusField\":1}}"
      },
    };
    for (String[] patch : patches) {
      String query = patch[0].startsWith("application/apply") ? "&fieldManager=test" : "";
      Reply strict =
          send("PATCH", SERVICES + "/patched?fieldValidation=Strict" + query, patch[0], patch[1]);
      assertStrictError(strict, "strict decoding error: unknown field \"spec.bogusField\"");
      Reply warned =
          send("PATCH", SERVICES + "/patched?fieldValidation=Warn" + query, patch[0], patch[1]);
      assertThat(warned.code()).as(patch[0] + " " + warned.body()).isEqualTo(200);
      assertThat(warned.warnings())
          .as(patch[0])
          .containsExactly("299 - \"unknown field \\\"spec.bogusField\\\"\"");
      assertThat(warned.json().path("spec").has("bogusField")).isFalse();
    }
  }

  @Test
  void strictRefusesDuplicateFields() {
    Reply r =
        send(
            "POST",
            SERVICES + "?fieldValidation=Strict",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"a\",\"name\":\"b\"},"
                + "\"spec\":{\"ports\":[{\"port\":80}]}}");
    assertStrictError(r, "strict decoding error: duplicate field \"metadata.name\"");
  }

  @Test
  void volumeSourcesAreDeclared() {
    Reply r =
        send(
            "POST",
            "/api/v1/namespaces/default/pods?fieldValidation=Strict",
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"vol\"},\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}],"
                + "\"volumes\":[{\"name\":\"v\",\"emptyDir\":{}}]}}");
    assertThat(r.code()).as(r.body()).isEqualTo(201);
    assertThat(r.json().at("/spec/volumes/0").has("emptyDir")).isTrue();
  }
}
