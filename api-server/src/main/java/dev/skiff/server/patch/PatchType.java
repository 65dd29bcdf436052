package dev.skiff.server.patch;

import dev.skiff.api.status.StatusException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four PATCH media types the API accepts, selected by the request's Content-Type. */
public enum PatchType {
  JSON_PATCH("application/json-patch+json"),
  MERGE_PATCH("application/merge-patch+json"),
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
  APPLY_PATCH("application/apply-patch+yaml");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The patch type of a Content-Type header value. Parameters ({@code ; charset=utf-8}) and case
   * are ignored.
   *
   * @throws StatusException 415 UnsupportedMediaType naming the accepted types, with the real
   *     server's message, when the type is missing or not a patch type
   */
  public static PatchType fromContentType(String contentType) {
    if (contentType != null) {
      int semicolon = contentType.indexOf(';');
      String base = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
      String normalized = base.trim().toLowerCase(Locale.ROOT);
      for (PatchType type : values()) {
        if (type.mediaType.equals(normalized)) {
          return type;
        }
      }
    }
    throw StatusException.unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: "
            + Arrays.stream(values()).map(PatchType::mediaType).collect(Collectors.joining(", ")));
  }
}
