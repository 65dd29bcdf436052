package dev.skiff.server.registry;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;

/**
 * Re-words the store's NotFound/AlreadyExists/Conflict for one object so messages name the resource
 * as the real server does ({@code deployments.apps "api" not found}).
 */
final class KeyErrors {
  private KeyErrors() {}

  static <T> Future<T> reword(Throwable failure, ResourceType type, String name) {
    if (failure instanceof StatusException e) {
      if (e.is(Reason.NOT_FOUND)) {
        return Future.failedFuture(StatusException.notFound(type.group(), type.plural(), name));
      }
      if (e.is(Reason.ALREADY_EXISTS)) {
        return Future.failedFuture(
            StatusException.alreadyExists(type.group(), type.plural(), name));
      }
      if (e.is(Reason.CONFLICT) && e.status().details == null) {
        return Future.failedFuture(StatusException.conflict(type.group(), type.plural(), name));
      }
    }
    return Future.failedFuture(failure);
  }

  static boolean isNotFound(Throwable failure) {
    return failure instanceof StatusException e && e.is(Reason.NOT_FOUND);
  }

  static boolean isAlreadyExists(Throwable failure) {
    return failure instanceof StatusException e && e.is(Reason.ALREADY_EXISTS);
  }
}
