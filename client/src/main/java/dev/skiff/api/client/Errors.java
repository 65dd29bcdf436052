package dev.skiff.api.client;

import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Predicates over failures, by reason and code (never message text), as client-go's
 * apierrors.IsNotFound and friends.
 */
public final class Errors {
  private Errors() {}

  public static boolean isStatus(Throwable t) {
    return t instanceof StatusException;
  }

  public static boolean isNotFound(Throwable t) {
    return has(t, Reason.NOT_FOUND, 404);
  }

  public static boolean isAlreadyExists(Throwable t) {
    return t instanceof StatusException s && Reason.ALREADY_EXISTS.equals(s.reason());
  }

  public static boolean isConflict(Throwable t) {
    return t instanceof StatusException s && Reason.CONFLICT.equals(s.reason());
  }

  public static boolean isInvalid(Throwable t) {
    return has(t, Reason.INVALID, 422);
  }

  /** 410: the resourceVersion is too old; list again. Expired and Gone both count. */
  public static boolean isExpired(Throwable t) {
    return t instanceof StatusException s
        && (Reason.EXPIRED.equals(s.reason()) || Reason.GONE.equals(s.reason()) || s.code() == 410);
  }

  /** For {@code future.recover(Errors.ignoreNotFound())}: a 404 becomes success with null. */
  public static <T> Function<Throwable, Future<T>> ignoreNotFound() {
    return t -> isNotFound(t) ? Future.succeededFuture() : Future.failedFuture(t);
  }

  private static boolean has(Throwable t, String reason, int code) {
    return t instanceof StatusException s && (reason.equals(s.reason()) || s.code() == code);
  }
}
