package dev.skiff.dns.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rendered UDP responses computed from the zone alone, reused for identical queries until the zone
 * changes (its version moves on). The zone's answers depend only on the query and the zone version,
 * so a hit is exactly what the slow path would produce. Bounded: when full, new entries are not
 * kept.
 */
final class ResponseCache {
  private final LongSupplier zoneVersion;
  private final int maxEntries;
  private volatile Generation current = new Generation(-1);

  ResponseCache(LongSupplier zoneVersion, int maxEntries) {
    this.zoneVersion = zoneVersion;
    this.maxEntries = maxEntries;
  }

  /** The template for the key, if one was stored for the current zone version. */
  byte[] get(WireKey key) {
    Generation generation = current;
    if (generation.version != zoneVersion.getAsLong()) {
      return null;
    }
    return generation.responses.get(key);
  }

  /** Stores a response computed while the zone was at {@code version}. */
  void put(WireKey key, long version, byte[] response) {
    Generation generation = current;
    if (generation.version != version) {
      if (version != zoneVersion.getAsLong()) {
        return; // computed from an index that is no longer current
      }
      generation = new Generation(version);
      current = generation;
    }
    if (generation.responses.size() < maxEntries) {
      generation.responses.put(key, response);
    }
  }

  private static final class Generation {
    final long version;
    final ConcurrentHashMap<WireKey, byte[]> responses = new ConcurrentHashMap<>();

    Generation(long version) {
      this.version = version;
    }
  }
}
