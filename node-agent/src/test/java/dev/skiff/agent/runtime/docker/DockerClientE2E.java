package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.DockerOptions;
import dev.skiff.agent.testing.Docker;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine client over the unix socket, against the real engine. */
class DockerClientE2E {
  Vertx vertx;
  DockerClient docker;

  @BeforeEach
  void start() {
    Docker.requireEngineAndImages();
    vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    docker = new DockerClient(vertx, DockerOptions.DEFAULT_SOCKET);
  }

  @AfterEach
  void stop() {
    Await.result(docker.close());
    Await.result(vertx.close());
  }

  @Test
  void manyOpenStreamsDoNotBlockShortCalls() throws Exception {
    List<HttpClientResponse> open = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      HttpClientResponse events = Await.result(docker.stream(HttpMethod.GET, "/events", null));
      events.handler(b -> {});
      events.resume();
      open.add(events);
    }

    Future<io.vertx.core.json.JsonObject> version = docker.get("/version");

    assertThat(
            version
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .getString("ApiVersion"))
        .isNotEmpty();
    open.forEach(r -> r.request().reset());
  }

  @Test
  void engineErrorsCarryTheirStatus() {
    Throwable failure = Await.failure(docker.get("/containers/skiff-no-such-container/json"));

    assertThat(failure)
        .isInstanceOfSatisfying(DockerException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void withoutTheNativeTransportTheClientSaysWhy() {
    Vertx plain = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    try {
      Throwable failure =
          Await.failure(new DockerClient(plain, DockerOptions.DEFAULT_SOCKET).checkTransport());
      assertThat(failure).hasMessageContaining("native transport");
    } finally {
      Await.result(plain.close());
    }
  }
}
