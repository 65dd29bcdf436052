package dev.skiff.server.store;

import dev.skiff.api.status.StatusException;

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
