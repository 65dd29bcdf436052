package dev.skiff.server.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.http.Http;
import dev.skiff.server.testing.TestApiServers;
import dev.skiff.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CustomResourceDefinition written on one replica is served by the other (its store watch), and
 * deleting it there removes the instances written through the first.
 */
class CustomResourcesTwoReplicaIT {
  private static final String JSON = "application/json";
  private static final String CRD =
      """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"gadgets.two.example.com"},
       "spec":{"group":"two.example.com","scope":"Namespaced",
        "names":{"plural":"gadgets","kind":"Gadget"},
        "versions":[{"name":"v1","served":true,"storage":true,
         "schema":{"openAPIV3Schema":{"type":"object","properties":{
          "spec":{"type":"object","properties":{"size":{"type":"integer","default":2}}}}}}}]}}
      """;
  private static final String COLLECTION = "/apis/two.example.com/v1/namespaces/default/gadgets";

  private static TestApiServers servers;
  private static Http first;
  private static Http second;

  @BeforeAll
  static void start() {
    servers = TestApiServers.start(2, o -> o.withCertificate(null));
    first = Http.of(servers, 0);
    second = Http.of(servers, 1);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void everyReplicaServesTheKindAndItsDeletion() {
    assertThat(
            first
                .send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JSON, CRD)
                .code())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> second.get("/apis/two.example.com/v1").code() == 200);

    Http.Reply created =
        second.send(
            "POST",
            COLLECTION,
            JSON,
            "{\"apiVersion\":\"two.example.com/v1\",\"kind\":\"Gadget\","
                + "\"metadata\":{\"name\":\"g1\"},\"spec\":{}}");
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/spec/size").asInt()).isEqualTo(2);
    assertThat(first.get(COLLECTION + "/g1").code()).isEqualTo(200);

    assertThat(
            second
                .send(
                    "DELETE",
                    "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.two.example.com",
                    JSON,
                    "{}")
                .code())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(first.get(COLLECTION).code()).isEqualTo(404);
              assertThat(
                      first
                          .get(
                              "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.two.example.com")
                          .code())
                  .isEqualTo(404);
            });
    assertThat(
            Await.result(servers.replica(0).store().list("gadgets.two.example.com", null))
                .objects())
        .isEmpty();
  }
}
