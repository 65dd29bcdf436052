package dev.skiff.api.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.internal.StatusErrors;
import dev.skiff.api.client.internal.Transport;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.function.Supplier;

/** Shared plumbing of the typed and raw facades: encode, send, decode. */
final class Calls {
  static final String JSON = "application/json";

  final Transport transport;

  Calls(Transport transport) {
    this.transport = transport;
  }

  /** Builds the URI and body lazily so that argument errors become failed futures. */
  Future<Buffer> send(HttpMethod method, Supplier<String> uri, String contentType, Object body) {
    return send(method, uri, null, contentType, body);
  }

  /** With an Accept header other than {@code application/json} (null = that default). */
  Future<Buffer> send(
      HttpMethod method, Supplier<String> uri, String accept, String contentType, Object body) {
    String target;
    Buffer payload;
    try {
      target = uri.get();
      payload = encode(body);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return transport.request(method, target, accept, payload == null ? null : contentType, payload);
  }

  static Buffer encode(Object body) {
    if (body == null) {
      return null;
    }
    if (body instanceof Buffer buffer) {
      return buffer;
    }
    if (body instanceof String text) {
      return Buffer.buffer(text);
    }
    if (body instanceof byte[] bytes) {
      return Buffer.buffer(bytes);
    }
    if (body instanceof io.vertx.core.json.JsonObject json) {
      return json.toBuffer();
    }
    return Buffer.buffer(Json.toBytes(body));
  }

  static <T> Future<T> decode(Buffer body, Class<T> type) {
    try {
      return Future.succeededFuture(Json.mapper().readValue(body.getBytes(), type));
    } catch (Exception e) {
      return Future.failedFuture(StatusErrors.undecodable(type.getSimpleName(), e));
    }
  }

  static <T> Future<T> decode(Buffer body, JavaType type) {
    try {
      return Future.succeededFuture(Json.mapper().readValue(body.getBytes(), type));
    } catch (Exception e) {
      return Future.failedFuture(StatusErrors.undecodable(type.toString(), e));
    }
  }

  static Future<ObjectNode> tree(Buffer body) {
    if (body.length() == 0) {
      return Future.succeededFuture(Json.mapper().createObjectNode());
    }
    try {
      return Future.succeededFuture(Json.tree(body.getBytes()));
    } catch (RuntimeException e) {
      return Future.failedFuture(StatusErrors.undecodable("response", e));
    }
  }
}
