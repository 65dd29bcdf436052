package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.util.Arrays;

/**
 * One object as a replica's watch cache holds it: its JSON, metadata.resourceVersion included, and
 * nothing else. Lists and watches write these bytes as they are; a tree is parsed only for whoever
 * asks ({@link #tree()}), so the cache holds one compact copy per object instead of a Jackson tree
 * several times the size of its JSON (which dominated the heap and the GC pauses at 10k pods).
 * Immutable; safe to share between threads.
 */
public final class StoredObject {
  private final long resourceVersion;
  private final byte[] json;
  private final boolean typeMeta;

  StoredObject(long resourceVersion, byte[] json, boolean typeMeta) {
    this.resourceVersion = resourceVersion;
    this.json = json;
    this.typeMeta = typeMeta;
  }

  /** Wraps the JSON of an object without its resourceVersion, stamping {@code rv} into it. */
  static StoredObject of(long rv, byte[] bytes, int offset) {
    return JsonStamp.stamp(rv, bytes, offset);
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  /** The JSON; shared, never modify it. */
  public byte[] json() {
    return json;
  }

  /** Whether the JSON has top-level apiVersion and kind. */
  public boolean hasTypeMeta() {
    return typeMeta;
  }

  /** A fresh tree of the object, owned by the caller. */
  public ObjectNode tree() {
    return Json.tree(json);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredObject other
        && resourceVersion == other.resourceVersion
        && Arrays.equals(json, other.json);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(resourceVersion) * 31 + Arrays.hashCode(json);
  }

  @Override
  public String toString() {
    return new String(json, java.nio.charset.StandardCharsets.UTF_8);
  }
}
