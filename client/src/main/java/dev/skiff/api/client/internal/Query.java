package dev.skiff.api.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds a path with a URL-encoded query string; null values are skipped. */
public final class Query {
  private final StringBuilder uri;
  private boolean first = true;

  private Query(String path) {
    this.uri = new StringBuilder(path);
  }

  public static Query path(String path) {
    return new Query(path);
  }

  public Query param(String name, Object value) {
    if (value == null) {
      return this;
    }
    uri.append(first ? '?' : '&').append(name).append('=').append(encode(value.toString()));
    first = false;
    return this;
  }

  /** Adds {@code name=true} only when the flag is set. */
  public Query flag(String name, boolean set) {
    return set ? param(name, "true") : this;
  }

  public String build() {
    return uri.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return build();
  }
}
