package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.DockerOptions;
import dev.skiff.api.client.vertx.UpgradeDialer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Docker Engine API (v1.41) over its unix domain socket with the Vert.x HTTP client (needs the
 * native transport). JSON in, JSON out; a non-2xx answer fails with {@link DockerException}. The
 * one engine client: the Docker runtime's, and the CLI's checks and cleanup. Never blocks.
 */
public final class DockerClient {
  static final String VERSION = "/v1.41";
  private static final int MAX_STREAMS = 100_000;

  /**
   * Container creates and starts at once: enough to overlap the engine's waits (a burst of 60 pods
   * finished no later than with 32 at once; 4 was slower), few enough that the queue decides the
   * order.
   */
  static final int MAX_STARTS = 16;

  private final Vertx vertx;
  private final SocketAddress socket;
  private final HttpClient http;
  private final HttpClient streams;
  private final StartQueue starts = new StartQueue(MAX_STARTS);
  private final UpgradeDialer hijacker;

  public DockerClient(Vertx vertx, String socketPath) {
    this.vertx = vertx;
    this.socket = SocketAddress.domainSocketAddress(socketPath);
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(32));
    // Log and event streams hold their connection for a container's lifetime: their own pool, so
    // they never starve the short calls.
    this.streams =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(false),
            new PoolOptions().setHttp1MaxSize(MAX_STREAMS));
    this.hijacker = new UpgradeDialer(vertx.createNetClient());
  }

  /** {@code $DOCKER_HOST} if it names a unix socket, else {@value DockerOptions#DEFAULT_SOCKET}. */
  public static String defaultSocket() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && host.startsWith("unix://")) {
      return host.substring("unix://".length());
    }
    return DockerOptions.DEFAULT_SOCKET;
  }

  /** Where container creates and starts wait for the engine. */
  StartQueue starts() {
    return starts;
  }

  /** Fails clearly when Vert.x cannot use unix sockets (no native transport). */
  public Future<Void> checkTransport() {
    if (!vertx.isNativeTransportEnabled()) {
      return Future.failedFuture(
          new IllegalStateException(
              "the Docker runtime needs Vert.x's native transport (epoll) for the engine's unix "
                  + "socket: create Vert.x with VertxOptions.setPreferNativeTransport(true)"));
    }
    return Future.succeededFuture();
  }

  public Future<JsonObject> get(String path) {
    return call(HttpMethod.GET, path, null, 30_000).map(DockerClient::json);
  }

  /** GET of an endpoint that answers a JSON array (e.g. the container list). */
  public Future<io.vertx.core.json.JsonArray> getList(String path) {
    return call(HttpMethod.GET, path, null, 30_000).map(Buffer::toJsonArray);
  }

  public Future<JsonObject> post(String path, JsonObject body) {
    return post(path, body, 30_000);
  }

  public Future<JsonObject> post(String path, JsonObject body, long timeoutMillis) {
    return call(HttpMethod.POST, path, body, timeoutMillis).map(DockerClient::json);
  }

  public Future<Void> delete(String path) {
    return call(HttpMethod.DELETE, path, null, 30_000).mapEmpty();
  }

  /**
   * A GET whose body is streamed to the caller (an image tarball): paused, on a kept-alive
   * connection, so the engine does not close the connection at the end of the body while the caller
   * has not yet read it (Vert.x 5.0.7 can end a paused response whose connection closed ahead of
   * the bytes it still holds: {@code docker load} then read a truncated tarball).
   */
  public Future<HttpClientResponse> download(String path) {
    return http.request(options(HttpMethod.GET, path, 0))
        .compose(HttpClientRequest::send)
        .compose(
            resp -> {
              if (resp.statusCode() / 100 == 2) {
                resp.pause();
                return Future.succeededFuture(resp);
              }
              return resp.body().compose(b -> Future.failedFuture(error(resp.statusCode(), b)));
            });
  }

  /**
   * A streaming response (logs, events, exec output), paused: set handlers, then resume. {@code
   * body} may be null (GET) or a JSON object (POST).
   */
  public Future<HttpClientResponse> stream(HttpMethod method, String path, JsonObject body) {
    return stream(method, path, body, Map.of(), 0);
  }

  /**
   * {@link #stream(HttpMethod, String, JsonObject)} with request headers (an image pull's {@code
   * X-Registry-Auth}); {@code idleMillis} > 0 fails a stream silent for that long.
   */
  public Future<HttpClientResponse> stream(
      HttpMethod method,
      String path,
      JsonObject body,
      Map<String, String> headers,
      long idleMillis) {
    return streams
        .request(options(method, path, idleMillis))
        .compose(
            req -> {
              headers.forEach(req::putHeader);
              return body == null
                  ? req.send()
                  : req.putHeader("Content-Type", "application/json").send(body.toBuffer());
            })
        .compose(
            resp -> {
              if (resp.statusCode() / 100 == 2) {
                resp.pause();
                return Future.succeededFuture(resp);
              }
              return resp.body().compose(b -> Future.failedFuture(error(resp.statusCode(), b)));
            });
  }

  /**
   * A POST upgraded to the engine's raw stream (exec start, attach), as the docker CLI hijacks it:
   * the answer's tunnel is paused, without handlers. {@code body} may be null.
   */
  public Future<UpgradeDialer.Answer> hijack(String path, JsonObject body) {
    Map<String, Iterable<String>> headers = new LinkedHashMap<>();
    headers.put("Connection", List.of("Upgrade"));
    headers.put("Upgrade", List.of("tcp"));
    if (body != null) {
      headers.put("Content-Type", List.of("application/json"));
    }
    return hijacker
        .dial(
            socket,
            "localhost",
            HttpMethod.POST,
            VERSION + path,
            headers,
            body == null ? null : body.toBuffer())
        .compose(
            answer -> {
              if (answer.status() == 101) {
                return Future.succeededFuture(answer);
              }
              if (answer.tunnel() != null) {
                answer.tunnel().close();
              }
              return Future.failedFuture(error(answer.status(), answer.rest()));
            });
  }

  /**
   * POSTs what {@code body} streams (an image tarball to {@code /images/load}), asked for once the
   * request is open; answers the whole response body.
   */
  public Future<Buffer> upload(
      String path, Supplier<Future<? extends ReadStream<Buffer>>> body, String contentType) {
    // The request is open before the source is asked for: its stream is piped the moment it
    // arrives, never left paused while a connection is made (Vert.x 5.0.7 can deliver a paused
    // response's end ahead of the bytes it holds, which cut the upload short).
    return streams
        .request(options(HttpMethod.POST, path, 0))
        .compose(
            req -> {
              req.putHeader("Content-Type", contentType);
              req.setChunked(true);
              return body.get().compose(req::send);
            })
        .compose(DockerClient::bodyOf);
  }

  public Future<Void> close() {
    return Future.join(http.close(), streams.close()).mapEmpty();
  }

  private Future<Buffer> call(HttpMethod method, String path, JsonObject body, long timeoutMillis) {
    return http.request(options(method, path, timeoutMillis))
        .compose(
            req -> {
              if (body == null) {
                return req.send();
              }
              return req.putHeader("Content-Type", "application/json").send(body.toBuffer());
            })
        .compose(DockerClient::bodyOf);
  }

  /** The whole body of a 2xx answer; any other fails with the engine's message. */
  private static Future<Buffer> bodyOf(HttpClientResponse resp) {
    return resp.body()
        .compose(
            b ->
                resp.statusCode() / 100 == 2
                    ? Future.succeededFuture(b)
                    : Future.failedFuture(error(resp.statusCode(), b)));
  }

  private RequestOptions options(HttpMethod method, String path, long timeoutMillis) {
    RequestOptions options =
        new RequestOptions()
            .setServer(socket)
            .setHost("localhost")
            .setMethod(method)
            .setURI(VERSION + path);
    if (timeoutMillis > 0) {
      options.setIdleTimeout(timeoutMillis);
    }
    return options;
  }

  private static JsonObject json(Buffer body) {
    if (body.length() == 0) {
      return new JsonObject();
    }
    try {
      return body.toJsonObject();
    } catch (DecodeException e) {
      return new JsonObject();
    }
  }

  private static DockerException error(int status, Buffer body) {
    String message;
    try {
      message = body.toJsonObject().getString("message", body.toString());
    } catch (DecodeException e) {
      message = body.toString();
    }
    return new DockerException(status, message.trim());
  }
}
