package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking HTTP client for tests, sending the test token unless told otherwise. */
public final class Http {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public record Reply(int code, String contentType, String body) {
    public JsonNode json() {
      return Json.parse(body, JsonNode.class);
    }
  }

  public Http(String base) {
    this.base = base;
  }

  public Reply get(String path) {
    return send(request(path).GET().build());
  }

  public Reply get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET().build());
  }

  public Reply send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = request(path);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TestApiServers.TOKEN);
  }

  public HttpClient client() {
    return client;
  }
}
