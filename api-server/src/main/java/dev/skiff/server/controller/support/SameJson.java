package dev.skiff.server.controller.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.skiff.api.Json;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether two model values have the same JSON (unknown fields included), compared as canonical
 * bytes: map entries sorted by key, so the order of a map's entries does not matter (as with JSON
 * trees), without building two trees per comparison. A reconcile compares the slices it wants with
 * the cached ones on every event, so this is on the network programming path.
 */
public final class SameJson {
  private static final ObjectWriter CANONICAL =
      Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private SameJson() {}

  /** Null counts as an empty list, as for the list fields this compares. */
  public static boolean same(Object a, Object b) {
    return Arrays.equals(bytes(a), bytes(b));
  }

  private static byte[] bytes(Object value) {
    try {
      return CANONICAL.writeValueAsBytes(value == null ? List.of() : value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
