package dev.skiff.api.client;

import java.util.Locale;

/**
 * The four patch flavours of the Kubernetes API, each selected by its Content-Type, in the order
 * the API server lists them when it refuses another type.
 */
public enum PatchType {
  /** RFC 6902: a JSON array of operations. */
  JSON("application/json-patch+json"),
  /** RFC 7386: objects merge recursively, null deletes, lists are replaced whole. */
  MERGE("application/merge-patch+json"),
  /** Like MERGE, but keyed lists (containers by name, ports by port, ...) merge element-wise. */
  STRATEGIC("application/strategic-merge-patch+json"),
  /** Server-side apply: create or merge; needs a field manager (see {@link PatchOptions}). */
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * The patch type a Content-Type header value names, ignoring parameters ({@code ; charset=utf-8})
   * and case; null when it names none.
   */
  public static PatchType ofContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
    String normalized = base.trim().toLowerCase(Locale.ROOT);
    for (PatchType type : values()) {
      if (type.contentType.equals(normalized)) {
        return type;
      }
    }
    return null;
  }
}
