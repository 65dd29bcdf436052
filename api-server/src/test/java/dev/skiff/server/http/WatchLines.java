package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An open watch response read line by line on a background thread. */
final class WatchLines implements AutoCloseable {
  private static final JsonNode END = Json.mapper().createObjectNode().put("type", "<end>");

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

  private WatchLines(HttpResponse<InputStream> response) {
    this.response = response;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (!line.isBlank()) {
                    events.add(Json.parse(line, JsonNode.class));
                  }
                }
              } catch (IOException ignored) {
                // closed
              }
              events.add(END);
            },
            "watch-lines");
    reader.setDaemon(true);
    reader.start();
  }

  static WatchLines open(Http http, String path) {
    return open(http, path, "application/json");
  }

  static WatchLines open(Http http, String path, String accept) {
    HttpRequest request =
        http.request(path).timeout(Duration.ofSeconds(60)).header("Accept", accept).GET().build();
    try {
      return new WatchLines(http.client().send(request, HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int code() {
    return response.statusCode();
  }

  /** The next event, or null when none arrives within {@code wait}. "<end>" when closed. */
  JsonNode next(Duration wait) {
    try {
      return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  JsonNode next() {
    JsonNode event = next(Duration.ofSeconds(10));
    if (event == null) {
      throw new AssertionError("no watch event within 10s");
    }
    return event;
  }

  static boolean isEnd(JsonNode event) {
    return event != null && event.path("type").asText().equals("<end>");
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
