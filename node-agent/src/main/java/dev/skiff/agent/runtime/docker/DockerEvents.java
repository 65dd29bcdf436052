package dev.skiff.agent.runtime.docker;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's event stream for this node's containers and reports the id of every
 * container that started, died or was killed by the OOM killer; reconnects a second after the
 * stream breaks.
 */
final class DockerEvents {
  private static final Logger LOG = LoggerFactory.getLogger(DockerEvents.class);
  private static final Set<String> ACTIONS = Set.of("start", "die", "oom", "destroy");

  private final Vertx vertx;
  private final DockerClient docker;
  private final String node;
  private final JsonArray labels;
  private final Consumer<String> changed;
  private HttpClientResponse current;
  private boolean stopped;

  /**
   * @param labels the label filter ({@code key=value} items) selecting the node's containers
   */
  DockerEvents(
      Vertx vertx, DockerClient docker, String node, JsonArray labels, Consumer<String> changed) {
    this.vertx = vertx;
    this.docker = docker;
    this.node = node;
    this.labels = labels;
    this.changed = changed;
  }

  void start() {
    String filters =
        new JsonObject()
            .put("type", new JsonArray().add("container"))
            .put("label", labels.copy())
            .encode();
    docker.stream(
            HttpMethod.GET,
            "/events?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8),
            null)
        .onSuccess(
            response -> {
              current = response;
              RecordParser lines = RecordParser.newDelimited("\n", this::event);
              response.handler(lines);
              response.exceptionHandler(e -> reconnect());
              response.endHandler(v -> reconnect());
              response.resume();
            })
        .onFailure(e -> reconnect());
  }

  void stop() {
    stopped = true;
    if (current != null) {
      current.request().reset();
    }
  }

  private void event(Buffer line) {
    if (line.length() == 0) {
      return;
    }
    JsonObject event = line.toJsonObject();
    String action = event.getString("Action", event.getString("status", ""));
    if (ACTIONS.contains(action)) {
      changed.accept(event.getString("id"));
    }
  }

  private void reconnect() {
    if (!stopped) {
      LOG.debug("docker event stream of {} ended; reconnecting", node);
      vertx.setTimer(
          1000,
          t -> {
            if (!stopped) {
              start();
            }
          });
    }
  }
}
