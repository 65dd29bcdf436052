package dev.skiff.api.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.skiff.api.Json;
import dev.skiff.api.client.internal.StatusErrors;
import dev.skiff.api.client.internal.Transport;
import dev.skiff.api.model.meta.KubeList;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;

/**
 * The typed Kubernetes client of Skiff: one per process and API server, safe to share between
 * verticles. Every call returns a Future; callbacks run on the caller's Vert.x context. Any non-2xx
 * answer fails the future with a {@link dev.skiff.api.status.StatusException} (test {@code
 * reason()}/{@code code()}, or use {@link Errors}); a broken connection fails it with the transport
 * exception.
 *
 * <pre>{@code
 * KubeClient client = new KubeClient(vertx, "http://127.0.0.1:6443");
 * client.get(Pod.class, "default", "web").onSuccess(pod -> ...);
 * }</pre>
 */
public final class KubeClient {
  private final Calls calls;
  private final RawKubeClient raw;

  public KubeClient(Vertx vertx, String baseUrl) {
    this(vertx, baseUrl, null);
  }

  /** {@code bearerToken} may be null: no Authorization header is sent. */
  public KubeClient(Vertx vertx, String baseUrl, String bearerToken) {
    this(vertx, Kubeconfig.of(baseUrl, bearerToken));
  }

  /** Server, token and TLS trust as a kubeconfig describes them. */
  public KubeClient(Vertx vertx, Kubeconfig config) {
    this(new Transport(vertx, config));
  }

  private KubeClient(Transport transport) {
    this.calls = new Calls(transport);
    this.raw = new RawKubeClient(calls);
  }

  /**
   * Reads the current context's server and token from a kubeconfig file. Blocking file I/O: call it
   * at startup, not on an event loop.
   */
  public static KubeClient fromKubeconfig(Vertx vertx, Path kubeconfig) {
    return new KubeClient(vertx, Kubeconfig.load(kubeconfig));
  }

  /** The untyped JSON client over the same connections. */
  public RawKubeClient raw() {
    return raw;
  }

  public <T extends KubeObject> Future<T> get(Class<T> type, String namespace, String name) {
    ResourceType rt = Resources.of(type);
    return calls
        .send(HttpMethod.GET, () -> Paths.item(rt, namespace, name), null, null)
        .compose(body -> Calls.decode(body, type));
  }

  /** {@code namespace} null lists all namespaces (or a cluster-scoped kind). */
  public <T extends KubeObject> Future<KubeList<T>> list(
      Class<T> type, String namespace, ListOptions options) {
    ResourceType rt = Resources.of(type);
    JavaType listType =
        Json.mapper().getTypeFactory().constructParametricType(KubeList.class, type);
    return calls
        .send(HttpMethod.GET, () -> Paths.list(rt, namespace, options), null, null)
        .compose(body -> Calls.decode(body, listType));
  }

  /** POST into {@code object.metadata.namespace}; answers the stored object (uid, RV set). */
  public <T extends KubeObject> Future<T> create(T object) {
    return create(object, PatchOptions.none());
  }

  public <T extends KubeObject> Future<T> create(T object, PatchOptions options) {
    Class<T> type = classOf(object);
    ResourceType rt = Resources.of(type);
    return calls
        .send(
            HttpMethod.POST,
            () -> Paths.withOptions(Paths.collection(rt, object.meta().namespace), options),
            Calls.JSON,
            object)
        .compose(body -> Calls.decode(body, type));
  }

  /** PUT: fails with 409 Conflict if {@code metadata.resourceVersion} is no longer current. */
  public <T extends KubeObject> Future<T> update(T object) {
    return put(object, null);
  }

  /** PUT {@code .../status}: only the status is written. */
  public <T extends KubeObject> Future<T> updateStatus(T object) {
    return put(object, "status");
  }

  /**
   * PATCH with {@code body} given as a String (sent verbatim), a JSON tree or any object Jackson
   * serializes.
   */
  public <T extends KubeObject> Future<T> patch(
      Class<T> type, String namespace, String name, PatchType patchType, Object body) {
    return patch(type, namespace, name, patchType, body, PatchOptions.none());
  }

  public <T extends KubeObject> Future<T> patch(
      Class<T> type,
      String namespace,
      String name,
      PatchType patchType,
      Object body,
      PatchOptions options) {
    ResourceType rt = Resources.of(type);
    return calls
        .send(
            HttpMethod.PATCH,
            () -> Paths.withOptions(Paths.item(rt, namespace, name), options),
            patchType.contentType(),
            body)
        .compose(b -> Calls.decode(b, type));
  }

  /** DELETE; succeeds once the server accepted it (the object may linger with finalizers). */
  public <T extends KubeObject> Future<Void> delete(
      Class<T> type, String namespace, String name, DeleteOptions options) {
    ResourceType rt = Resources.of(type);
    return calls
        .send(HttpMethod.DELETE, () -> Paths.item(rt, namespace, name), Calls.JSON, options)
        .mapEmpty();
  }

  /**
   * Opens a watch; events are decoded into {@code type}. ERROR events end it: {@link Watch#done()}
   * fails with their Status (410 = relist). {@code namespace} null watches all namespaces.
   */
  public <T extends KubeObject> Watch watch(
      Class<T> type, String namespace, WatchOptions options, Handler<TypedWatchEvent<T>> handler) {
    return raw.watch(Resources.of(type), namespace, options, event -> typed(type, event, handler));
  }

  public Future<Void> close() {
    return calls.transport.close();
  }

  private static <T extends KubeObject> void typed(
      Class<T> type, WatchEvent event, Handler<TypedWatchEvent<T>> handler) {
    TypedWatchEvent.Type kind;
    try {
      kind = TypedWatchEvent.Type.valueOf(event.type);
    } catch (IllegalArgumentException notTyped) {
      if (WatchEvent.ERROR.equals(event.type)) {
        return;
      }
      throw StatusErrors.undecodable("watch event type " + event.type, null);
    }
    T object;
    try {
      object = Json.mapper().treeToValue(event.object, type);
    } catch (Exception e) {
      throw StatusErrors.undecodable(type.getSimpleName(), e);
    }
    handler.handle(new TypedWatchEvent<>(kind, object));
  }

  private <T extends KubeObject> Future<T> put(T object, String subresource) {
    Class<T> type = classOf(object);
    ResourceType rt = Resources.of(type);
    return calls
        .send(
            HttpMethod.PUT,
            () -> {
              String item = Paths.item(rt, object.meta().namespace, object.meta().name);
              return subresource == null ? item : item + "/" + subresource;
            },
            Calls.JSON,
            object)
        .compose((Buffer body) -> Calls.decode(body, type));
  }

  @SuppressWarnings("unchecked")
  private static <T extends KubeObject> Class<T> classOf(T object) {
    return (Class<T>) object.getClass();
  }
}
