package dev.skiff.api.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.internal.Query;
import dev.skiff.api.client.internal.WatchStream;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.ResourceType;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import java.util.Map;

/**
 * The untyped client: JSON trees in and out, addressed by {@link ResourceType}. For the CLI (which
 * handles any kind generically), subresources (scale, log, status) and any other path. Obtain it
 * with {@link KubeClient#raw()}. Errors fail the future with a {@link
 * dev.skiff.api.status.StatusException}.
 */
public final class RawKubeClient {
  /** The Accept header kubectl sends for human-readable get. */
  static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,"
          + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  private final Calls calls;

  RawKubeClient(Calls calls) {
    this.calls = calls;
  }

  public Future<ObjectNode> get(ResourceType type, String namespace, String name) {
    return json(HttpMethod.GET, () -> Paths.item(type, namespace, name), null, null);
  }

  /** A {@code <Kind>List}; {@code namespace} null lists all namespaces. */
  public Future<ObjectNode> list(ResourceType type, String namespace, ListOptions options) {
    return json(HttpMethod.GET, () -> Paths.list(type, namespace, options), null, null);
  }

  /**
   * A meta.k8s.io/v1 Table, the server-side printing kubectl's {@code get} shows: of one object, or
   * (name null) of a collection filtered by {@code options}; {@code namespace} null lists all
   * namespaces. Rows carry PartialObjectMetadata.
   */
  public Future<ObjectNode> table(
      ResourceType type, String namespace, String name, ListOptions options) {
    return calls
        .send(
            HttpMethod.GET,
            () ->
                name == null
                    ? Paths.list(type, namespace, options)
                    : Paths.item(type, namespace, name),
            TABLE,
            null,
            null)
        .compose(Calls::tree);
  }

  public Future<ObjectNode> create(
      ResourceType type, String namespace, Object body, PatchOptions options) {
    return json(
        HttpMethod.POST,
        () -> Paths.withOptions(Paths.collection(type, namespace), options),
        Calls.JSON,
        body);
  }

  public Future<ObjectNode> update(ResourceType type, String namespace, String name, Object body) {
    return json(HttpMethod.PUT, () -> Paths.item(type, namespace, name), Calls.JSON, body);
  }

  public Future<ObjectNode> patch(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      Object body,
      PatchOptions options) {
    return json(
        HttpMethod.PATCH,
        () -> Paths.withOptions(Paths.item(type, namespace, name), options),
        patchType.contentType(),
        body);
  }

  /** The deleted object (or, from some servers, a Success Status). */
  public Future<ObjectNode> delete(
      ResourceType type, String namespace, String name, DeleteOptions options) {
    return json(HttpMethod.DELETE, () -> Paths.item(type, namespace, name), Calls.JSON, options);
  }

  /**
   * Every event, ERROR included, goes to {@code handler}; an ERROR event then ends the watch (see
   * {@link Watch#done()}). {@code namespace} null watches all namespaces.
   */
  public Watch watch(
      ResourceType type, String namespace, WatchOptions options, Handler<WatchEvent> handler) {
    return WatchStream.open(calls.transport, Paths.watch(type, namespace, options), handler);
  }

  /** GET a JSON subresource such as {@code deployments/scale} or {@code pods/status}. */
  public Future<ObjectNode> getSubresource(
      ResourceType type, String namespace, String name, String subresource) {
    return json(
        HttpMethod.GET, () -> Paths.subresource(type, namespace, name, subresource), null, null);
  }

  public Future<ObjectNode> putSubresource(
      ResourceType type, String namespace, String name, String subresource, Object body) {
    return json(
        HttpMethod.PUT,
        () -> Paths.subresource(type, namespace, name, subresource),
        Calls.JSON,
        body);
  }

  public Future<ObjectNode> patchSubresource(
      ResourceType type,
      String namespace,
      String name,
      String subresource,
      PatchType patchType,
      Object body) {
    return json(
        HttpMethod.PATCH,
        () -> Paths.subresource(type, namespace, name, subresource),
        patchType.contentType(),
        body);
  }

  /** The whole body of a non-JSON subresource, e.g. {@code pods/log} with {@code tailLines}. */
  public Future<Buffer> getSubresourceBytes(
      ResourceType type,
      String namespace,
      String name,
      String subresource,
      Map<String, String> query) {
    return calls.send(
        HttpMethod.GET,
        () -> subresourceUri(type, namespace, name, subresource, query),
        null,
        null);
  }

  /**
   * A streaming subresource, e.g. {@code pods/log} with {@code follow=true}. The stream comes back
   * paused: set its handlers, then {@code resume()}. It ends when the server ends the body.
   */
  public Future<ReadStream<Buffer>> streamSubresource(
      ResourceType type,
      String namespace,
      String name,
      String subresource,
      Map<String, String> query) {
    String uri;
    try {
      uri = subresourceUri(type, namespace, name, subresource, query);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return calls.transport.stream(uri).map(resp -> (ReadStream<Buffer>) resp);
  }

  /** Any request, e.g. {@code GET /version} or discovery; 2xx body, else a StatusException. */
  public Future<Buffer> request(HttpMethod method, String uri, String contentType, Object body) {
    return calls.send(method, () -> uri, contentType, body);
  }

  private static String subresourceUri(
      ResourceType type, String ns, String name, String sub, Map<String, String> query) {
    Query q = Query.path(Paths.subresource(type, ns, name, sub));
    query.forEach(q::param);
    return q.build();
  }

  private Future<ObjectNode> json(
      HttpMethod method, java.util.function.Supplier<String> uri, String contentType, Object body) {
    return calls.send(method, uri, contentType, body).compose(Calls::tree);
  }
}
