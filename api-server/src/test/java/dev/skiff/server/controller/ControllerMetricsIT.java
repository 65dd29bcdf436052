package dev.skiff.server.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.testing.TestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controllers' metrics on the API server's port, for authenticated callers only. */
class ControllerMetricsIT {
  private static TestCluster cluster;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static HttpResponse<String> get(String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(cluster.replica(0).url() + "/metrics"))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheDroppedKeysCounterOfEveryControllerWhileItLeads() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> r = get(TestCluster.TOKEN);
              assertThat(r.statusCode()).isEqualTo(200);
              assertThat(r.headers().firstValue("Content-Type").orElse(""))
                  .startsWith("text/plain; version=0.0.4");
              assertThat(r.body())
                  .contains("# TYPE skiff_controller_dropped_keys_total counter\n")
                  .containsPattern(
                      "(?m)^skiff_controller_dropped_keys_total\\{controller=\"[a-z-]+\"} 0$");
            });
  }

  @Test
  void anonymousAndWrongTokenCallersAreUnauthorized() throws Exception {
    for (String token : new String[] {null, "not-the-token"}) {
      HttpResponse<String> r = get(token);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("\"reason\":\"Unauthorized\"").doesNotContain("skiff_");
    }
  }
}
