package dev.skiff.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text (version 0.0.4) of every registered source, in the
 * order they were added, on the API server's port as kube-apiserver serves it. Authenticated like
 * every other path (the router's bearer-token check runs first: anonymous callers get 401). Sources
 * register once they exist: the controllers start after the server that they talk to.
 */
public final class MetricsEndpoint implements Handler<RoutingContext> {
  /** The Content-Type of the Prometheus text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final List<Supplier<Future<String>>> sources = new CopyOnWriteArrayList<>();

  /** Adds a source; it is asked on every scrape and may answer from any thread. */
  public void add(Supplier<Future<String>> source) {
    sources.add(source);
  }

  @Override
  public void handle(RoutingContext ctx) {
    List<Future<String>> scrapes = sources.stream().map(Supplier::get).toList();
    Future.all(scrapes)
        .onSuccess(
            all -> {
              StringBuilder text = new StringBuilder();
              scrapes.forEach(s -> text.append(s.result()));
              ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(text.toString());
            })
        .onFailure(ctx::fail);
  }
}
