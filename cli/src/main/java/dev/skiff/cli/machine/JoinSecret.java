package dev.skiff.cli.machine;

import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.server.auth.NodeTokens;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Hashes of credentials kept in {@code kube-system} Secrets, so every server replica checks them
 * and an admin revokes one with kubectl: the join token's ({@value #JOIN_SECRET}) and each node's
 * ({@link NodeTokens#secretName}). Only SHA-256 hashes are stored: a reader of the Secret learns no
 * credential.
 */
public final class JoinSecret {
  public static final String JOIN_SECRET = "skiff-join-token";
  static final String TYPE = "skiff.dev/token-hash";

  private JoinSecret() {}

  /** Creates or replaces the Secret {@code name} holding the hash of {@code credential}. */
  public static Future<Void> store(KubeClient client, String name, String credential) {
    Map<String, String> data = Map.of(NodeTokens.HASH_KEY, encoded(credential));
    Secret secret = new Secret();
    secret.metadata = new ObjectMeta();
    secret.metadata.name = name;
    secret.metadata.namespace = NodeTokens.NAMESPACE;
    secret.type = TYPE;
    secret.data = data;
    return client
        .create(secret)
        .<Void>mapEmpty()
        .recover(
            e ->
                Errors.isAlreadyExists(e)
                    ? client
                        .get(Secret.class, NodeTokens.NAMESPACE, name)
                        .compose(
                            live -> {
                              live.data = data;
                              return client.update(live).mapEmpty();
                            })
                    : Future.failedFuture(e));
  }

  /** Creates the Secret unless it exists (a restart keeps a rotated token's hash). */
  public static Future<Void> ensure(KubeClient client, String name, String credential) {
    return client
        .get(Secret.class, NodeTokens.NAMESPACE, name)
        .<Void>mapEmpty()
        .recover(
            e -> Errors.isNotFound(e) ? store(client, name, credential) : Future.failedFuture(e));
  }

  /** Whether {@code presented} is the credential whose hash Secret {@code name} holds. */
  public static Future<Boolean> matches(KubeClient client, String name, String presented) {
    return client
        .get(Secret.class, NodeTokens.NAMESPACE, name)
        .map(
            secret -> {
              String stored = secret.data == null ? null : secret.data.get(NodeTokens.HASH_KEY);
              return stored != null
                  && MessageDigest.isEqual(
                      stored.getBytes(StandardCharsets.US_ASCII),
                      encoded(presented).getBytes(StandardCharsets.US_ASCII));
            })
        .recover(
            e -> Errors.isNotFound(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** The Secret's data value: base64 of the hex SHA-256 (what {@link NodeTokens} checks). */
  private static String encoded(String credential) {
    return Base64.getEncoder()
        .encodeToString(NodeTokens.hash(credential).getBytes(StandardCharsets.US_ASCII));
  }
}
