package dev.skiff.server.controller.support;

import dev.skiff.api.client.Errors;
import io.vertx.core.Future;

/** Small helpers for controller writes. */
public final class Writes {
  private Writes() {}

  /** Treats NotFound as success (the object is already gone). */
  public static <T> Future<Void> ignoreNotFound(Future<T> write) {
    return write
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }
}
