package dev.skiff.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.status.StatusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A list's {@code continue} token, encoded as kube-apiserver encodes it: unpadded URL-safe base64
 * of {@code {"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}}, where N is the snapshot's
 * resourceVersion ({@code -1}: continue at the newest state) and KEY the last key returned ({@code
 * name}, or {@code namespace/name} across namespaces).
 */
record ContinueToken(long resourceVersion, String start) {
  private static final String VERSION = "meta.k8s.io/v1";

  /** The token that continues after {@code lastKey}. */
  static ContinueToken after(long resourceVersion, String lastKey) {
    return new ContinueToken(resourceVersion, lastKey + "\u0000");
  }

  String encode() {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("v", VERSION);
    json.put("rv", resourceVersion);
    json.put("start", start);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(json));
  }

  /**
   * The token of a request.
   *
   * @throws StatusException 400 BadRequest with kube-apiserver's words for an invalid token
   */
  static ContinueToken decode(String token) {
    JsonNode json;
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      json = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | IOException e) {
      throw invalid("continue key is not valid: " + e.getMessage());
    }
    if (json == null || !json.isObject() || !VERSION.equals(json.path("v").asText())) {
      throw invalid(
          "server does not recognize this encoded version "
              + (json == null ? "" : json.path("v").asText()));
    }
    long rv = json.path("rv").asLong(0);
    if (rv == 0) {
      throw invalid(
          "continue key is not valid: incorrect encoded start resourceVersion (version"
              + " meta.k8s.io/v1)");
    }
    String start = json.path("start").asText("");
    if (start.isEmpty()) {
      throw invalid("continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
    }
    if (start.startsWith("/") || start.contains("..") || start.contains("//")) {
      throw invalid("continue key is not valid: " + start);
    }
    return new ContinueToken(rv, start);
  }

  private static StatusException invalid(String detail) {
    return StatusException.badRequest("invalid continue token: " + detail);
  }
}
