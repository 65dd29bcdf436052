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

  /** A write on a replica that sees no majority of the replicas (see ReplicaQuorum). */
  static StatusException noQuorum(StoreKey key) {
    return StatusException.unavailable(
        "cannot write "
            + key
            + ": this API server replica is cut off from the majority of the store's replicas;"
            + " writes are refused until it rejoins them (retry, or use another replica)");
  }

  /** A write whose backups did not confirm, or whose partition owner left while it ran. */
  static StatusException indeterminate(StoreKey key) {
    return StatusException.unavailable(
        "cannot confirm the write of "
            + key
            + ": a store replica failed while it ran; it may or may not have been applied (retry)");
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
