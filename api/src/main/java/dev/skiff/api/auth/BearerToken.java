package dev.skiff.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One expected bearer token, and the one check of an {@code Authorization} header against it (the
 * API server's admin token): scheme case-insensitive, token compared in constant time.
 */
public final class BearerToken {
  private static final String PREFIX = "Bearer ";

  private final byte[] expected;

  public BearerToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("a token is required");
    }
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The token an {@code Authorization} header value presents, or null when it has none. */
  public static String presented(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    return authorization.substring(PREFIX.length()).trim();
  }

  /** Whether {@code token} (as {@link #presented} answers it, or null) is the expected one. */
  public boolean matches(String token) {
    return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected);
  }

  /** Whether an {@code Authorization} header value presents the expected token. */
  public boolean authorizes(String authorization) {
    return matches(presented(authorization));
  }

  @Override
  public String toString() {
    return "BearerToken[(hidden)]";
  }
}
