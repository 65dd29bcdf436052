package dev.skiff.server.http;

import dev.skiff.api.Json;
import dev.skiff.api.status.StatusException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON responses. */
public final class Replies {
  public static final String JSON = "application/json";

  private Replies() {}

  public static void json(RoutingContext ctx, int code, Object body) {
    bytes(ctx, code, JSON, Json.toBytes(body));
  }

  public static void bytes(RoutingContext ctx, int code, String contentType, byte[] body) {
    ctx.response()
        .setStatusCode(code)
        .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
        .end(Buffer.buffer(body));
  }

  public static void buffer(RoutingContext ctx, int code, String contentType, Buffer body) {
    ctx.response().setStatusCode(code).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
  }

  /** An error Status, ending with a newline as kube-apiserver's JSON encoder writes it. */
  public static void status(RoutingContext ctx, StatusException e) {
    byte[] body = Json.toBytes(e.status());
    byte[] line = java.util.Arrays.copyOf(body, body.length + 1);
    line[body.length] = '\n';
    bytes(ctx, e.code(), JSON, line);
  }
}
