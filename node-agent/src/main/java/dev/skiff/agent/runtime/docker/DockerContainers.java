package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.RuntimeFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Create, start and inspect one container; a container that fails to start is removed. */
final class DockerContainers {
  private DockerContainers() {}

  /**
   * Answers the started container's inspect JSON; fails with a {@link RuntimeFailure} of {@code
   * createReason} or {@code startReason}.
   */
  static Future<JsonObject> createAndStart(
      DockerClient docker,
      StartQueue.Priority priority,
      String name,
      JsonObject body,
      String createReason,
      String startReason) {
    return docker
        .starts()
        .submit(priority, () -> createAndStart(docker, name, body, createReason, startReason));
  }

  private static Future<JsonObject> createAndStart(
      DockerClient docker, String name, JsonObject body, String createReason, String startReason) {
    return docker
        .post("/containers/create?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), body)
        .recover(e -> Future.failedFuture(failure(createReason, e)))
        .compose(
            created -> {
              String id = created.getString("Id");
              return docker
                  .post("/containers/" + id + "/start", null)
                  .recover(
                      e ->
                          docker
                              .delete("/containers/" + id + "?force=1")
                              .transform(ar -> Future.failedFuture(failure(startReason, e))))
                  .compose(v -> docker.get("/containers/" + id + "/json"));
            });
  }

  static RuntimeFailure failure(String reason, Throwable e) {
    return new RuntimeFailure(reason, String.valueOf(e.getMessage()), e);
  }
}
