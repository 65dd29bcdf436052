package dev.skiff.api.client;

import static org.assertj.core.api.Assertions.fail;

import dev.skiff.testing.Await;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A real HTTP server on 127.0.0.1 that plays scripted answers: one-shot answers are used first (in
 * order), then standing ones. Every request is recorded. Watch answers become {@link Stream}s the
 * test drives chunk by chunk.
 */
public final class ScriptedApiServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Recorded(
      HttpMethod method, String path, MultiMap params, MultiMap headers, String body) {
    public String param(String name) {
      return params.get(name);
    }

    public boolean isWatch() {
      return "true".equals(params.get("watch"));
    }
  }

  /** Writes the answer to one request. */
  @FunctionalInterface
  public interface Responder {
    void respond(HttpServerRequest request, Recorded recorded);
  }

  private record Route(
      HttpMethod method, String path, Predicate<Recorded> when, Responder responder) {
    boolean matches(Recorded r) {
      return method.equals(r.method()) && path.equals(r.path()) && when.test(r);
    }
  }

  private final List<Route> once = new ArrayList<>();
  private final List<Route> always = new ArrayList<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Stream> streams = new LinkedBlockingQueue<>();
  private final HttpServer server;
  private final boolean tls;

  private ScriptedApiServer(HttpServer server, boolean tls) {
    this.server = server;
    this.tls = tls;
  }

  public static ScriptedApiServer start(Vertx vertx) {
    return start(vertx, new HttpServerOptions());
  }

  /** Serves https with {@code certificate} (the URL then names the host "localhost"). */
  public static ScriptedApiServer startTls(Vertx vertx, SelfSignedCertificate certificate) {
    return start(
        vertx,
        new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()));
  }

  private static ScriptedApiServer start(Vertx vertx, HttpServerOptions options) {
    ScriptedApiServer[] self = new ScriptedApiServer[1];
    HttpServer http = vertx.createHttpServer(options).requestHandler(req -> self[0].handle(req));
    self[0] = new ScriptedApiServer(http, options.isSsl());
    Await.result(http.listen(0, "127.0.0.1"));
    return self[0];
  }

  public String url() {
    return (tls ? "https://localhost:" : "http://127.0.0.1:") + server.actualPort();
  }

  public synchronized ScriptedApiServer once(
      HttpMethod method, String path, Predicate<Recorded> when, Responder responder) {
    once.add(new Route(method, path, when, responder));
    return this;
  }

  public synchronized ScriptedApiServer always(
      HttpMethod method, String path, Predicate<Recorded> when, Responder responder) {
    always.add(new Route(method, path, when, responder));
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public List<Recorded> watchRequests() {
    return requests.stream().filter(Recorded::isWatch).toList();
  }

  public List<Recorded> listRequests() {
    return requests.stream().filter(r -> r.method() == HttpMethod.GET && !r.isWatch()).toList();
  }

  /** The next watch stream the server opened (waits up to 10 s). */
  public Stream nextStream() {
    try {
      Stream s = streams.poll(10, TimeUnit.SECONDS);
      if (s == null) {
        fail("no watch stream was opened within 10 s; requests: %s", describe());
      }
      return s;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String describe() {
    return requests.stream()
        .map(r -> r.method() + " " + r.path() + " " + r.params())
        .toList()
        .toString();
  }

  private void handle(HttpServerRequest req) {
    req.body()
        .onSuccess(
            body -> {
              Recorded r =
                  new Recorded(
                      req.method(),
                      req.path(),
                      MultiMap.caseInsensitiveMultiMap().addAll(req.params()),
                      MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                      body.toString());
              requests.add(r);
              Route route = route(r);
              if (route == null) {
                req.response()
                    .setStatusCode(599)
                    .end("no script for " + r.method() + " " + r.path());
              } else {
                route.responder().respond(req, r);
              }
            });
  }

  private synchronized Route route(Recorded r) {
    for (int i = 0; i < once.size(); i++) {
      if (once.get(i).matches(r)) {
        return once.remove(i);
      }
    }
    return always.stream().filter(x -> x.matches(r)).findFirst().orElse(null);
  }

  @Override
  public void close() {
    Await.result(server.close());
  }

  // ---- responders ------------------------------------------------------------------------

  public static Responder json(int code, String body) {
    return json(code, () -> body);
  }

  public static Responder json(int code, Supplier<String> body) {
    return (req, r) ->
        req.response()
            .setStatusCode(code)
            .putHeader("Content-Type", "application/json")
            .end(body.get());
  }

  public static Responder text(int code, String body) {
    return (req, r) ->
        req.response().setStatusCode(code).putHeader("Content-Type", "text/plain").end(body);
  }

  public static Responder status(int code, String reason, String message) {
    return json(code, Fixtures.status(code, reason, message));
  }

  /** Answers 200 chunked and hands the open stream to the test ({@link #nextStream()}). */
  public Responder stream() {
    return (req, r) -> {
      HttpServerResponse resp =
          req.response()
              .setChunked(true)
              .setStatusCode(200)
              .putHeader("Content-Type", "application/json");
      resp.writeHead();
      streams.add(new Stream(req, resp, r));
    };
  }

  /** An open chunked answer. Writes may come from any thread. */
  public record Stream(HttpServerRequest request, HttpServerResponse response, Recorded recorded) {
    public Stream event(String type, String objectJson) {
      return chunk("{\"type\":\"" + type + "\",\"object\":" + objectJson + "}\n");
    }

    public Stream chunk(String raw) {
      Await.result(response.write(raw));
      return this;
    }

    /** Writes if the client still listens; a client that already hung up is not an error. */
    public Stream chunkIfOpen(String raw) {
      response.write(raw);
      return this;
    }

    public void end() {
      Await.result(response.end());
    }

    /** Drops the TCP connection mid-stream. */
    public void drop() {
      Await.result(request.connection().close());
    }
  }
}
