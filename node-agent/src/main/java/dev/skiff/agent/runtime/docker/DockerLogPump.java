package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.logs.LogWriter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * Copies a container's output from the engine (logs, followed, with timestamps) into the agent's
 * CRI-format log file, so both runtimes serve logs the same way. File appends run on {@code files},
 * a single thread shared by all pumps (never on the event loop). Ends with the container.
 */
final class DockerLogPump {
  private DockerLogPump() {}

  /** Starts pumping; the future completes when the stream has ended and the writer is closed. */
  static Future<Void> start(
      DockerClient docker, String containerId, Instant since, LogWriter writer, Executor files) {
    String query =
        "?follow=1&stdout=1&stderr=1&timestamps=1"
            + (since == null
                ? ""
                : "&since="
                    + since.getEpochSecond()
                    + "."
                    + String.format("%09d", since.getNano()));
    Promise<Void> done = Promise.promise();
    DockerFrames frames =
        new DockerFrames(
            (stream, payload) -> {
              byte[] bytes = payload.getBytes();
              submit(
                  files,
                  () -> {
                    for (TimestampedLines.Line line : TimestampedLines.parse(bytes)) {
                      if (since == null || line.time().isAfter(since)) {
                        writer.write(line.time(), stream, line.content(), line.partial());
                      }
                    }
                  });
            });
    docker.stream(HttpMethod.GET, "/containers/" + containerId + "/logs" + query, null)
        .onSuccess(
            response -> {
              response.handler(frames::feed);
              response.exceptionHandler(e -> close(writer, files, done));
              response.endHandler(v -> close(writer, files, done));
              response.resume();
            })
        .onFailure(e -> close(writer, files, done));
    return done.future();
  }

  private static void close(LogWriter writer, Executor files, Promise<Void> done) {
    submit(
        files,
        () -> {
          writer.close();
          done.tryComplete();
        });
    if (files instanceof java.util.concurrent.ExecutorService s && s.isShutdown()) {
      done.tryComplete();
    }
  }

  /** The runtime is closing when the executor refuses: the rest of the output is dropped. */
  private static void submit(Executor files, Runnable task) {
    try {
      files.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the runtime closed; the engine keeps the output, the next agent copies it
    }
  }
}
