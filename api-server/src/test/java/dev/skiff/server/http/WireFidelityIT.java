package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.testing.TestApiServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What strict clients (the Python client, kubectl diff) noticed in bodies: error Statuses end with
 * a newline, core-group details carry no group, a never-started container has imageID "", and an
 * emptied annotations map is left out.
 */
class WireFidelityIT {
  private static final String JSON = "application/json";
  private static final String MERGE = "application/merge-patch+json";

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
  void errorStatusEndsWithANewlineAndOmitsTheCoreGroup() {
    Http.Reply core = http.get("/api/v1/namespaces/default/configmaps/nosuch");
    assertThat(core.code()).isEqualTo(404);
    assertThat(core.body()).endsWith("}\n");
    JsonNode details = core.json().path("details");
    assertThat(details.has("group")).as(core.body()).isFalse();
    assertThat(details.path("kind").asText()).isEqualTo("configmaps");
    assertThat(details.path("name").asText()).isEqualTo("nosuch");

    Http.Reply apps = http.get("/apis/apps/v1/namespaces/default/deployments/nosuch");
    assertThat(apps.body()).endsWith("}\n");
    assertThat(apps.json().at("/details/group").asText()).isEqualTo("apps");
  }

  @Test
  void containerThatNeverStartedHasAnEmptyImageId() {
    http.send(
        "POST",
        "/api/v1/namespaces/default/pods",
        JSON,
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"waiting\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}");
    Http.Reply patched =
        http.send(
            "PATCH",
            "/api/v1/namespaces/default/pods/waiting/status",
            MERGE,
            "{\"status\":{\"containerStatuses\":[{\"name\":\"main\",\"image\":\"busybox\","
                + "\"ready\":false,\"restartCount\":0,"
                + "\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]}}");
    assertThat(patched.code()).as(patched.body()).isEqualTo(200);

    for (String path :
        new String[] {
          "/api/v1/namespaces/default/pods/waiting", "/api/v1/namespaces/default/pods"
        }) {
      JsonNode body = http.get(path).json();
      JsonNode pod = body.has("items") ? body.path("items").path(0) : body;
      JsonNode status = pod.at("/status/containerStatuses/0");
      assertThat(status.has("imageID")).as(path + ": " + status).isTrue();
      assertThat(status.path("imageID").asText()).isEmpty();
    }
  }

  @Test
  void emptiedAnnotationsAreLeftOut() {
    String path = "/api/v1/namespaces/default/configmaps/noted";
    Http.Reply created =
        http.send(
            "POST",
            "/api/v1/namespaces/default/configmaps",
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"noted\","
                + "\"annotations\":{},\"labels\":{}},\"data\":{\"a\":\"b\"}}");
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("metadata").has("annotations")).isFalse();
    http.send("PATCH", path, MERGE, "{\"metadata\":{\"annotations\":{\"note\":\"x\"}}}");
    Http.Reply removed =
        http.send("PATCH", path, MERGE, "{\"metadata\":{\"annotations\":{\"note\":null}}}");
    assertThat(removed.code()).as(removed.body()).isEqualTo(200);
    assertThat(http.get(path).json().path("metadata").has("annotations")).isFalse();
    assertThat(http.get(path).json().path("metadata").has("labels")).isFalse();
  }
}
