package dev.skiff.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The cluster's ServiceAccount token signing key: an RSA 2048 key generated once per cluster by the
 * first replica that needs it and kept in the store as the Secret {@code
 * kube-system/skiff-serviceaccount-signing-key} (so every replica signs and verifies with the same
 * key, and a store with a data directory keeps it across restarts). Loaded lazily, once; a failed
 * load (for example before kube-system exists) is retried on the next use. Key generation runs on a
 * worker.
 */
final class SigningKey {
  static final String NAMESPACE = "kube-system";
  static final String NAME = "skiff-serviceaccount-signing-key";
  private static final String DATA_KEY = "key.pem";

  /** The key pair and its id (base64url SHA-256 of the public key's DER, as Kubernetes). */
  record Loaded(KeyPair pair, String keyId) {}

  private final Vertx vertx;
  private final ObjectRegistry registry;
  private Future<Loaded> loaded;

  SigningKey(Vertx vertx, ObjectRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  synchronized Future<Loaded> get() {
    if (loaded == null || loaded.failed()) {
      loaded = load();
    }
    return loaded;
  }

  private Future<Loaded> load() {
    return registry
        .get(Resources.SECRETS, NAMESPACE, NAME)
        .recover(
            e ->
                Errors.isNotFound(e)
                    ? vertx
                        .executeBlocking(SigningKey::generateSecret, false)
                        .compose(s -> registry.create(Resources.SECRETS, NAMESPACE, s, false))
                        .recover(
                            c ->
                                Errors.isAlreadyExists(c)
                                    ? registry.get(Resources.SECRETS, NAMESPACE, NAME)
                                    : Future.failedFuture(c))
                    : Future.failedFuture(e))
        .compose(secret -> vertx.executeBlocking(() -> parse(secret), false));
  }

  private static ObjectNode generateSecret() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n";
    ObjectNode secret = Json.mapper().createObjectNode();
    secret.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
    secret.putObject("metadata").put("name", NAME).put("namespace", NAMESPACE);
    secret
        .putObject("data")
        .put(DATA_KEY, Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
    return secret;
  }

  private static Loaded parse(ObjectNode secret) throws GeneralSecurityException {
    String pem =
        new String(
            Base64.getDecoder().decode(secret.path("data").path(DATA_KEY).asText()),
            StandardCharsets.US_ASCII);
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey key =
        (RSAPrivateCrtKey)
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    KeyPair pair =
        new KeyPair(
            rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())),
            key);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
    return new Loaded(pair, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
  }
}
