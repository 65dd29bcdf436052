package dev.skiff.server.http;

import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: a StatusException is written as its Status with its code;
 * a bare HTTP failure code (body too large, no route) becomes the matching Status; anything else is
 * logged once, with the request, and answered 500 InternalError without internals.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    StatusException status = toStatus(ctx);
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      if (!response.ended()) {
        response.reset();
      }
      return;
    }
    Replies.status(ctx, status);
  }

  private static StatusException toStatus(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof StatusException e) {
      return e;
    }
    if (failure == null || failure instanceof io.vertx.ext.web.handler.HttpException) {
      int code =
          failure instanceof io.vertx.ext.web.handler.HttpException h
              ? h.getStatusCode()
              : ctx.statusCode();
      return switch (code) {
        case 400 -> StatusException.badRequest("the request could not be parsed");
        case 401 -> StatusException.unauthorized();
        case 404 -> HttpErrors.pathNotFound();
        case 405 -> HttpErrors.methodNotAllowed();
        case 413 ->
            StatusException.tooLarge("Request entity too large: limit is " + Limits.BODY_BYTES);
        case 415 -> StatusException.unsupportedMediaType("the body's media type is not supported");
        default -> internal(ctx, failure);
      };
    }
    return internal(ctx, failure);
  }

  private static StatusException internal(RoutingContext ctx, Throwable failure) {
    LOG.error(
        "internal error serving {} {}", ctx.request().method(), ctx.request().path(), failure);
    return StatusException.internal("Internal error occurred: unexpected server error");
  }
}
