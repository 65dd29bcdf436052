package dev.skiff.server.store;

import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import java.util.List;

/** Kubernetes errors about one stored object; the key's resource is "plural[.group]". */
final class StoreErrors {
  private StoreErrors() {}

  static StatusException notFound(StoreKey key) {
    return StatusException.notFound(group(key), plural(key), key.name());
  }

  static StatusException alreadyExists(StoreKey key) {
    return StatusException.alreadyExists(group(key), plural(key), key.name());
  }

  static StatusException expired(long requested, long current) {
    return StatusException.expired("too old resource version: " + requested + " (" + current + ")");
  }

  /**
   * kube-apiserver's answer to a read at a version newer than the cache reached within its wait
   * (storage.NewTooLargeResourceVersionError): 504 Timeout, retry after a second.
   */
  static StatusException tooLarge(long requested, long current) {
    StatusDetails details =
        new StatusDetails()
            .withCauses(
                List.of(
                    new StatusCause(
                        "ResourceVersionTooLarge", "Too large resource version", null)));
    details.retryAfterSeconds = 1;
    return new StatusException(
        Status.failure(
            504,
            Reason.TIMEOUT,
            "Timeout: Too large resource version: " + requested + ", current: " + current,
            details));
  }

  static StatusException busy(StoreKey key) {
    return StatusException.unavailable("timed out waiting to write " + key);
  }

  private static String plural(StoreKey key) {
    int dot = key.resource().indexOf('.');
    return dot < 0 ? key.resource() : key.resource().substring(0, dot);
  }

  private static String group(StoreKey key) {
    int dot = key.resource().indexOf('.');
    return dot < 0 ? "" : key.resource().substring(dot + 1);
  }
}
