package dev.skiff.server.registry;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;

/**
 * Re-words the store's NotFound/AlreadyExists/Conflict for one object so messages name the resource
 * as the real server does ({@code deployments.apps "api" not found}). To test a failure's reason,
 * use {@link dev.skiff.api.client.Errors}.
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
}
