package dev.skiff.server.http;

import static dev.skiff.server.http.ApiErrorsIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.testing.TestApiServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies at the edge of what decodes: deep nesting, wrong types, fractions, int32 overflow. */
class InputEdgesIT {
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

  private static String service(String name, String port) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"ports\":[{\"port\":"
        + port
        + "}]}}";
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static Http.Reply create(String body) {
    return http.send("POST", SERVICES, "application/json", body);
  }

  @Test
  void deeplyNestedUnknownFieldIsBadRequest() {
    for (int depth : new int[] {990, 5000}) {
      Http.Reply r =
          create(
              "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"deep\"},"
                  + "\"spec\":{\"ports\":[{\"port\":80}],\"zz\":"
                  + nested(depth)
                  + "}}");
      assertStatus(r, 400, "BadRequest");
      assertThat(r.json().path("message").asText()).as(r.body()).contains("nest");
    }
    assertStatus(http.get(SERVICES + "/deep"), 404, "NotFound");
  }

  @Test
  void deeplyNestedPatchesAreBadRequestOfEveryType() {
    assertThat(create(service("deep-patch", "80")).code()).isEqualTo(201);
    String deep = nested(990);
    String[][] patches = {
      {"application/merge-patch+json", "{\"metadata\":{\"labels\":{\"a\":" + deep + "}}}"},
      {"application/strategic-merge-patch+json", "{\"spec\":{\"zz\":" + deep + "}}"},
      {
        "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/spec/zz\",\"value\":" + deep + "}]"
      },
      {
        "application/apply-patch+yaml",
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"spec\":{\"zz\":" + deep + "}}"
      },
    };
    for (String[] patch : patches) {
      Http.Reply r = http.send("PATCH", SERVICES + "/deep-patch", patch[0], patch[1]);
      assertStatus(r, 400, "BadRequest");
    }
  }

  @Test
  void patchesThatGrowTheObjectDeeperThanTheLimitAreRefused() {
    String deployments = "/apis/apps/v1/namespaces/default/deployments";
    Http.Reply created =
        http.send(
            "POST",
            deployments,
            "application/json",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"grow\"},"
                + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"grow\"}},\"template\":"
                + "{\"metadata\":{\"labels\":{\"app\":\"grow\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"image\":\"busybox\",\"securityContext\":{}}]}}}}");
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    // each patch is shallow, but nests its value under the innermost object the last one added
    // (a securityContext is a loose map in the model: anything may nest there)
    String value = "{\"a\":".repeat(60) + "1" + "}".repeat(60);
    String at = "/spec/template/spec/containers/0/securityContext/zz";
    Http.Reply r = null;
    for (int i = 0; i < 20; i++) {
      r =
          http.send(
              "PATCH",
              deployments + "/grow",
              "application/json-patch+json",
              "[{\"op\":\"add\",\"path\":\"" + at + "\",\"value\":" + value + "}]");
      if (r.code() != 200) {
        break;
      }
      at = at + "/a".repeat(59) + "/b";
    }
    assertStatus(r, 422, "Invalid");
    assertThat(r.json().at("/details/causes/0/message").asText()).contains("nested more than");
  }

  @Test
  void aPatchTurningPortsIntoAStringIsInvalid() {
    assertThat(create(service("stringports", "80")).code()).isEqualTo(201);
    String[][] patches = {
      {
        "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/spec/ports\",\"value\":\"x\"}]"
      },
      {"application/merge-patch+json", "{\"spec\":{\"ports\":\"x\"}}"},
      {"application/strategic-merge-patch+json", "{\"spec\":{\"ports\":\"x\"}}"},
    };
    for (String[] patch : patches) {
      Http.Reply r = http.send("PATCH", SERVICES + "/stringports", patch[0], patch[1]);
      assertStatus(r, 422, "Invalid");
      JsonNode cause = r.json().path("details").path("causes").path(0);
      assertThat(cause.path("field").asText()).as(r.body()).isEqualTo("patch");
      assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
      assertThat(cause.path("message").asText()).contains("spec.ports");
    }
    assertThat(http.get(SERVICES + "/stringports").json().at("/spec/ports/0/port").asInt())
        .isEqualTo(80);
  }

  @Test
  void aFractionalOrOverflowingPortIsBadRequestAsKubernetesSaysIt() {
    for (String port : new String[] {"80.5", "80.0", "4294967376"}) {
      Http.Reply r = create(service("port-" + port.replace('.', '-'), port));
      assertStatus(r, 400, "BadRequest");
      assertThat(r.json().path("message").asText())
          .isEqualTo(
              "Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal"
                  + " number "
                  + port
                  + " into Go struct field ServicePort.spec.ports.port of type int32");
      assertStatus(http.get(SERVICES + "/port-" + port.replace('.', '-')), 404, "NotFound");
    }
  }

  @Test
  void fractionsAreRefusedInEveryIntegerFieldAlsoInPatches() {
    assertThat(create(service("fraction-patch", "80")).code()).isEqualTo(201);
    Http.Reply r =
        http.send(
            "PATCH",
            SERVICES + "/fraction-patch",
            "application/merge-patch+json",
            "{\"spec\":{\"sessionAffinity\":\"ClientIP\",\"sessionAffinityConfig\":"
                + "{\"clientIP\":{\"timeoutSeconds\":10.5}}}}");
    assertStatus(r, 422, "Invalid");
    assertThat(r.json().at("/details/causes/0/message").asText())
        .contains("json: cannot unmarshal number 10.5 into Go struct field")
        .contains("of type int32");
    assertThat(http.get(SERVICES + "/fraction-patch").json().at("/spec/sessionAffinity").asText())
        .isEqualTo("None");
  }
}
