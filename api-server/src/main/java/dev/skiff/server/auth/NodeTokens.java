package dev.skiff.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Node-bound bearer tokens, the credential a machine gets when it joins ({@code skiff agent}): the
 * token {@code skiff-node:NAME:SECRET} authenticates as {@code system:node:NAME} in group {@code
 * system:nodes}, as a kubelet's client certificate does in Kubernetes, while the Secret {@code
 * kube-system/skiff-node-token-NAME} holds the SHA-256 of the whole token ({@code token-sha256}).
 * Deleting that Secret revokes the node's credential. Tokens are never logged or stored.
 */
public final class NodeTokens {
  public static final String PREFIX = "skiff-node:";
  public static final String NAMESPACE = "kube-system";
  public static final String SECRET_PREFIX = "skiff-node-token-";
  public static final String HASH_KEY = "token-sha256";
  public static final String NODES_GROUP = "system:nodes";
  public static final String USER_PREFIX = "system:node:";

  private final ObjectRegistry registry;

  public NodeTokens(ObjectRegistry registry) {
    this.registry = registry;
  }

  /** A new token for node {@code name} (the caller stores its {@link #hash}). */
  public static String newToken(String name) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return PREFIX + name + ":" + HexFormat.of().formatHex(secret);
  }

  /** The Secret that holds the hash of node {@code name}'s token. */
  public static String secretName(String name) {
    return SECRET_PREFIX + name;
  }

  /** SHA-256 of the token, lower-case hex. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the presented bearer token has the shape of a node token. */
  public static boolean looksLikeNodeToken(String token) {
    return token.startsWith(PREFIX) && token.lastIndexOf(':') > PREFIX.length();
  }

  /** The node's user, or a 401 Unauthorized failure. */
  public Future<User> authenticate(String token) {
    if (!looksLikeNodeToken(token)) {
      return Future.failedFuture(StatusException.unauthorized());
    }
    String name = token.substring(PREFIX.length(), token.lastIndexOf(':'));
    return registry
        .get(Resources.SECRETS, NAMESPACE, secretName(name))
        .compose(
            secret -> {
              if (matches(secret, hash(token))) {
                return Future.succeededFuture(
                    new User(USER_PREFIX + name, "", List.of(NODES_GROUP, User.AUTHENTICATED)));
              }
              return Future.<User>failedFuture(StatusException.unauthorized());
            })
        .recover(e -> Future.failedFuture(StatusException.unauthorized()));
  }

  private static boolean matches(ObjectNode secret, String hash) {
    String stored = secret.path("data").path(HASH_KEY).asText("");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(stored);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(decoded, hash.getBytes(StandardCharsets.US_ASCII));
  }
}
