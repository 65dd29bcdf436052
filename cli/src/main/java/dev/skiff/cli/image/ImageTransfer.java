package dev.skiff.cli.image;

import dev.skiff.agent.runtime.docker.DockerClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Copies an image from one engine to another as {@code docker save | docker load} does: the
 * source's {@code GET /images/get} tarball streams into the target's {@code POST /images/load},
 * never held whole in memory. Answers what the target said ({@code Loaded image: NAME}).
 */
final class ImageTransfer {
  private ImageTransfer() {}

  static Future<String> copy(DockerClient from, DockerClient to, String image) {
    return to.upload(
            "/images/load",
            () ->
                from.download(
                    "/images/get?names=" + URLEncoder.encode(image, StandardCharsets.UTF_8)),
            "application/x-tar")
        .compose(ImageTransfer::outcome)
        .recover(
            e ->
                Future.failedFuture(
                    new IOException("copying image \"" + image + "\": " + e.getMessage(), e)));
  }

  /** The load's messages (one JSON object per line); fails with its {@code error}. */
  private static Future<String> outcome(Buffer body) {
    StringBuilder said = new StringBuilder();
    for (String line : body.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject message = new JsonObject(line);
        if (message.getString("error") != null) {
          return Future.failedFuture(new IllegalStateException(message.getString("error")));
        }
        said.append(message.getString("stream", ""));
      } catch (DecodeException e) {
        said.append(line).append('\n');
      }
    }
    return Future.succeededFuture(said.toString().strip());
  }
}
