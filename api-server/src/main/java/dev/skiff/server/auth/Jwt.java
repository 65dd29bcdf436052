package dev.skiff.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Compact JWS with RS256 (RFC 7515/7518): signing, and verifying to the claims or null. */
final class Jwt {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Jwt() {}

  static String sign(ObjectNode claims, String keyId, PrivateKey key) {
    ObjectNode header = Json.mapper().createObjectNode().put("alg", "RS256").put("kid", keyId);
    String signingInput = part(header) + "." + part(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + ENCODER.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** The claims of a well-formed RS256 token whose signature {@code key} verifies; else null. */
  static ObjectNode verify(String token, PublicKey key) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      ObjectNode header = decode(parts[0]);
      if (header == null || !"RS256".equals(header.path("alg").asText())) {
        return null;
      }
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rs256.verify(DECODER.decode(parts[2])) ? decode(parts[1]) : null;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code token} has the shape of a JWS (three dot-separated parts). */
  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  private static String part(ObjectNode json) {
    return ENCODER.encodeToString(Json.toBytes(json));
  }

  private static ObjectNode decode(String part) {
    try {
      return Json.mapper().readTree(DECODER.decode(part)) instanceof ObjectNode o ? o : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
