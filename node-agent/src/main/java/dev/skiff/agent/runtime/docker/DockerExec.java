package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.ExecResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/** An exec (probe command) in a running container: create, start attached, read the exit code. */
final class DockerExec {
  private static final int MAX_OUTPUT = 1024;

  private DockerExec() {}

  static Future<ExecResult> run(
      Vertx vertx,
      DockerClient docker,
      String containerId,
      List<String> command,
      Duration timeout) {
    JsonObject create =
        new JsonObject()
            .put("AttachStdout", true)
            .put("AttachStderr", true)
            .put("Cmd", new JsonArray(command));
    return docker
        .post("/containers/" + containerId + "/exec", create)
        .compose(
            created -> {
              String execId = created.getString("Id");
              return output(vertx, docker, execId, timeout)
                  .compose(
                      out -> {
                        if (out == null) {
                          return Future.succeededFuture(new ExecResult(-1, "", true));
                        }
                        return docker
                            .get("/exec/" + execId + "/json")
                            .map(i -> new ExecResult(i.getInteger("ExitCode", -1), out, false));
                      });
            });
  }

  /** The combined output, or null if the command did not finish in time. */
  private static Future<String> output(
      Vertx vertx, DockerClient docker, String execId, Duration timeout) {
    Promise<String> result = Promise.promise();
    Buffer collected = Buffer.buffer();
    DockerFrames frames =
        new DockerFrames(
            (stream, payload) -> {
              if (collected.length() < MAX_OUTPUT) {
                collected.appendBuffer(payload);
              }
            });
    long timer = vertx.setTimer(timeout.toMillis(), t -> result.tryComplete(null));
    docker.stream(
            HttpMethod.POST,
            "/exec/" + execId + "/start",
            new JsonObject().put("Detach", false).put("Tty", false))
        .onSuccess(
            response -> {
              response.handler(frames::feed);
              response.exceptionHandler(result::tryFail);
              response.endHandler(
                  v -> {
                    vertx.cancelTimer(timer);
                    String text = collected.toString();
                    result.tryComplete(
                        text.length() > MAX_OUTPUT ? text.substring(0, MAX_OUTPUT) : text);
                  });
              response.resume();
            })
        .onFailure(result::tryFail);
    return result.future();
  }
}
