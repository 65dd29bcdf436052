package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.testing.TestApiServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shapes of /version, discovery (legacy and aggregated v2) and the OpenAPI v3 documents. */
class DiscoveryIT {
  private static final String AGGREGATED_ACCEPT =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
          + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
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
  void versionReportsMinor32ForTheKubectlDispatcher() {
    JsonNode v = http.get("/version").json();
    assertThat(v.path("major").asText()).isEqualTo("1");
    assertThat(v.path("minor").asText()).isEqualTo("32");
    assertThat(v.path("gitVersion").asText()).startsWith("v1.32.");
  }

  @Test
  void legacyDiscoveryListsGroupsAndVersions() {
    JsonNode api = http.get("/api", "application/json").json();
    assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
    assertThat(api.path("versions").get(0).asText()).isEqualTo("v1");
    JsonNode apis = http.get("/apis", "application/json").json();
    assertThat(apis.path("kind").asText()).isEqualTo("APIGroupList");
    List<String> groups = new ArrayList<>();
    apis.path("groups")
        .forEach(g -> groups.add(g.path("preferredVersion").path("groupVersion").asText()));
    assertThat(groups)
        .containsExactlyInAnyOrder(
            "apps/v1",
            "batch/v1",
            "discovery.k8s.io/v1",
            "coordination.k8s.io/v1",
            "apiextensions.k8s.io/v1",
            "storage.k8s.io/v1",
            "authentication.k8s.io/v1",
            "authorization.k8s.io/v1",
            "rbac.authorization.k8s.io/v1",
            "metrics.k8s.io/v1beta1");
    JsonNode group = http.get("/apis/apps").json();
    assertThat(group.path("kind").asText()).isEqualTo("APIGroup");
    assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1");
  }

  @Test
  void resourceListsCarryVerbsShortNamesCategoriesAndSubresources() {
    JsonNode core = http.get("/api/v1").json();
    assertThat(core.path("kind").asText()).isEqualTo("APIResourceList");
    JsonNode pods = resource(core, "pods");
    assertThat(pods.path("namespaced").asBoolean()).isTrue();
    assertThat(pods.path("kind").asText()).isEqualTo("Pod");
    assertThat(texts(pods.path("verbs")))
        .contains("create", "get", "list", "watch", "patch", "delete");
    assertThat(texts(pods.path("shortNames"))).containsExactly("po");
    assertThat(texts(pods.path("categories"))).containsExactly("all");
    assertThat(texts(resource(core, "pods/log").path("verbs"))).containsExactly("get");
    assertThat(texts(resource(core, "pods/status").path("verbs")))
        .containsExactly("get", "patch", "update");
    assertThat(resource(core, "nodes").path("namespaced").asBoolean()).isFalse();
    JsonNode scale = resource(http.get("/apis/apps/v1").json(), "deployments/scale");
    assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    for (ResourceType t : Resources.ALL) {
      JsonNode list = http.get(t.groupVersionPath()).json();
      assertThat(resource(list, t.plural()).path("kind").asText()).isEqualTo(t.kind());
    }
  }

  @Test
  void aggregatedDiscoveryIsServedWithItsExactContentType() {
    Http.Reply reply = http.get("/api", AGGREGATED_ACCEPT);
    assertThat(reply.contentType())
        .isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    JsonNode core = reply.json();
    assertThat(core.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    JsonNode version = core.path("items").get(0).path("versions").get(0);
    assertThat(core.path("items").get(0).path("metadata").path("name").asText()).isEmpty();
    JsonNode pods = null;
    for (JsonNode r : version.path("resources")) {
      if (r.path("resource").asText().equals("pods")) {
        pods = r;
      }
    }
    assertThat(pods).isNotNull();
    assertThat(pods.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(pods.path("responseKind").path("kind").asText()).isEqualTo("Pod");
    assertThat(pods.path("subresources").findValuesAsText("subresource")).contains("log", "status");
    JsonNode named = http.get("/apis", AGGREGATED_ACCEPT).json();
    assertThat(named.path("items").findValuesAsText("name")).contains("apps", "discovery.k8s.io");
  }

  @Test
  void clientsAskingOnlyForV2beta1GetLegacyDiscovery() {
    Http.Reply reply =
        http.get(
            "/apis",
            "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().path("kind").asText()).isEqualTo("APIGroupList");
  }

  @Test
  void openApiV3DeclaresFieldValidationOnEveryKindsPatch() {
    JsonNode index = http.get("/openapi/v3").json();
    for (ResourceType t : Resources.ALL) {
      String key = t.groupVersionPath().substring(1);
      String url = index.path("paths").path(key).path("serverRelativeURL").asText();
      assertThat(url).as(key).startsWith("/openapi/v3/" + key + "?hash=");
      JsonNode doc = http.get(url, "application/json").json();
      JsonNode patch = null;
      for (JsonNode path : doc.path("paths")) {
        JsonNode op = path.path("patch");
        if (op.path("x-kubernetes-group-version-kind").path("kind").asText().equals(t.kind())) {
          patch = op;
        }
      }
      assertThat(patch).as(t.kind()).isNotNull();
      assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
      assertThat(
              patch
                  .path("requestBody")
                  .path("content")
                  .has("application/strategic-merge-patch+json"))
          .isFalse();
    }
  }

  @Test
  void openApiV2IsNotServedAsProtobuf() {
    assertThat(
            http.get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
                .code())
        .isEqualTo(406);
  }

  private static JsonNode resource(JsonNode list, String name) {
    for (JsonNode r : list.path("resources")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
