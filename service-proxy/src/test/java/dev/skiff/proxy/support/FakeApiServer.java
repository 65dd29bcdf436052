package dev.skiff.proxy.support;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small stand-in for the API server, over real HTTP: list and watch (newline-delimited JSON
 * events, replayed from the requested resourceVersion) of Services, EndpointSlices and Nodes across
 * namespaces. Tests change objects with {@link #put} and {@link #delete}. Not a Kubernetes
 * implementation: no validation, no selectors, no bookmarks.
 */
public final class FakeApiServer implements AutoCloseable {
  private static final Map<Class<?>, String> PATHS =
      Map.of(
          Service.class, "/api/v1/services",
          EndpointSlice.class, "/apis/discovery.k8s.io/v1/endpointslices",
          Node.class, "/api/v1/nodes");

  private record Event(long rv, String path, String json) {}

  private final HttpServer server;
  private final Map<String, Map<String, String>> objects = new LinkedHashMap<>();
  private final List<Event> history = new ArrayList<>();
  private final List<Map.Entry<String, HttpServerResponse>> watchers = new ArrayList<>();
  private long resourceVersion = 1;

  public FakeApiServer(Vertx vertx) throws Exception {
    PATHS.values().forEach(p -> objects.put(p, new LinkedHashMap<>()));
    server = vertx.createHttpServer().requestHandler(this::handle);
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public synchronized void put(KubeObject object) {
    String path = PATHS.get(object.getClass());
    String key = object.meta().namespace + "/" + object.meta().name;
    object.meta().resourceVersion = String.valueOf(++resourceVersion);
    String json = Json.toString(object);
    String type = objects.get(path).put(key, json) == null ? "ADDED" : "MODIFIED";
    publish(path, type, json);
  }

  public synchronized void delete(KubeObject object) {
    String path = PATHS.get(object.getClass());
    String json = objects.get(path).remove(object.meta().namespace + "/" + object.meta().name);
    if (json != null) {
      ++resourceVersion;
      publish(path, "DELETED", json);
    }
  }

  private void publish(String path, String type, String json) {
    Event e =
        new Event(resourceVersion, path, "{\"type\":\"" + type + "\",\"object\":" + json + "}\n");
    history.add(e);
    for (Map.Entry<String, HttpServerResponse> w : watchers) {
      if (w.getKey().equals(path)) {
        w.getValue().write(e.json);
      }
    }
  }

  private synchronized void handle(HttpServerRequest req) {
    String path = req.path();
    Map<String, String> items = objects.get(path);
    if (items == null) {
      req.response().setStatusCode(404).end();
      return;
    }
    HttpServerResponse resp = req.response().putHeader("Content-Type", "application/json");
    if ("true".equals(req.getParam("watch"))) {
      long from = Long.parseLong(req.getParam("resourceVersion", "0"));
      resp.setChunked(true);
      history.stream()
          .filter(e -> e.rv > from && e.path.equals(path))
          .forEach(e -> resp.write(e.json));
      Map.Entry<String, HttpServerResponse> watcher = Map.entry(path, resp);
      watchers.add(watcher);
      resp.closeHandler(v -> removeWatcher(watcher));
      return;
    }
    resp.end(
        "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\""
            + resourceVersion
            + "\"},\"items\":["
            + String.join(",", items.values())
            + "]}");
  }

  private synchronized void removeWatcher(Map.Entry<String, HttpServerResponse> watcher) {
    watchers.remove(watcher);
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
