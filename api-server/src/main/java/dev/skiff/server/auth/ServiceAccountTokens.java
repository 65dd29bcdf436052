package dev.skiff.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ServiceAccount tokens as Kubernetes issues and checks them: RS256 JWTs signed with the cluster's
 * {@link SigningKey}, issuer and default audience {@value #ISSUER}, subject {@code
 * system:serviceaccount:NS:NAME}, and the private {@code kubernetes.io} claim naming the namespace,
 * the ServiceAccount (name, uid) and, for a bound token, the pod (and its node). A token
 * authenticates while its signature verifies, it is within nbf..exp, one of its audiences is the
 * API server's, and its ServiceAccount (and bound pod) still exists with the same uid. Tokens are
 * never logged.
 */
public final class ServiceAccountTokens {
  public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  static final String PRIVATE_CLAIM = "kubernetes.io";

  private final ObjectRegistry registry;
  private final Clock clock;
  private final SigningKey key;

  public ServiceAccountTokens(Vertx vertx, ObjectRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.key = new SigningKey(vertx, registry);
  }

  /**
   * A signed token for {@code serviceAccount}.
   *
   * @param audiences the token's audiences (non-empty)
   * @param pod the pod the token is bound to, or null
   * @param node the node of that pod, or null
   */
  public Future<String> issue(
      ObjectNode serviceAccount,
      List<String> audiences,
      long expirationSeconds,
      ObjectNode pod,
      ObjectNode node) {
    long now = clock.instant().getEpochSecond();
    ObjectNode claims = Json.mapper().createObjectNode();
    audiences.forEach(claims.putArray("aud")::add);
    claims.put("exp", now + expirationSeconds).put("iat", now).put("iss", ISSUER);
    claims.put("jti", UUID.randomUUID().toString());
    ObjectNode k8s = claims.putObject(PRIVATE_CLAIM);
    JsonNode meta = serviceAccount.path("metadata");
    String namespace = meta.path("namespace").asText();
    String name = meta.path("name").asText();
    k8s.put("namespace", namespace);
    if (node != null) {
      reference(k8s.putObject("node"), node);
    }
    if (pod != null) {
      reference(k8s.putObject("pod"), pod);
    }
    reference(k8s.putObject("serviceaccount"), serviceAccount);
    claims.put("nbf", now).put("sub", "system:serviceaccount:" + namespace + ":" + name);
    return key.get().map(k -> Jwt.sign(claims, k.keyId(), k.pair().getPrivate()));
  }

  /**
   * The user of a ServiceAccount token; fails with 401 Unauthorized when the token is not one this
   * cluster issued or no longer valid.
   */
  public Future<User> authenticate(String token) {
    if (!Jwt.looksLikeJwt(token)) {
      return Future.failedFuture(StatusException.unauthorized());
    }
    return key.get()
        .compose(
            k -> {
              ObjectNode claims = Jwt.verify(token, k.pair().getPublic());
              long now = clock.instant().getEpochSecond();
              if (claims == null
                  || !ISSUER.equals(claims.path("iss").asText())
                  || claims.path("exp").asLong(0) <= now
                  || claims.path("nbf").asLong(0) > now
                  || !hasAudience(claims.path("aud"), ISSUER)) {
                return Future.failedFuture(StatusException.unauthorized());
              }
              return stillValid(claims.path(PRIVATE_CLAIM));
            });
  }

  private Future<User> stillValid(JsonNode k8s) {
    String namespace = k8s.path("namespace").asText();
    JsonNode sa = k8s.path("serviceaccount");
    JsonNode pod = k8s.path("pod");
    Future<ObjectNode> saCheck =
        current(Resources.SERVICEACCOUNTS, namespace, sa.path("name").asText(), sa);
    Future<ObjectNode> podCheck =
        pod.isMissingNode()
            ? Future.succeededFuture()
            : current(Resources.PODS, namespace, pod.path("name").asText(), pod);
    return Future.all(saCheck, podCheck)
        .map(
            v -> {
              String name = sa.path("name").asText();
              Map<String, List<String>> extra =
                  pod.isMissingNode()
                      ? Map.of()
                      : Map.of(
                          "authentication.kubernetes.io/pod-name",
                          List.of(pod.path("name").asText()),
                          "authentication.kubernetes.io/pod-uid",
                          List.of(pod.path("uid").asText()));
              return new User(
                  "system:serviceaccount:" + namespace + ":" + name,
                  sa.path("uid").asText(),
                  List.of(
                      "system:serviceaccounts",
                      "system:serviceaccounts:" + namespace,
                      "system:authenticated"),
                  extra);
            })
        .recover(e -> Future.failedFuture(StatusException.unauthorized()));
  }

  /**
   * The object when it exists with the uid the claim names and is not past its deletion time (a pod
   * in its grace period still authenticates, as in Kubernetes); fails otherwise.
   */
  private Future<ObjectNode> current(
      ResourceType type, String namespace, String name, JsonNode claim) {
    return registry
        .get(type, namespace, name)
        .compose(
            o ->
                o.path("metadata").path("uid").asText().equals(claim.path("uid").asText())
                        && !deleted(o.path("metadata").path("deletionTimestamp"))
                    ? Future.succeededFuture(o)
                    : Future.failedFuture("uid mismatch"));
  }

  private boolean deleted(JsonNode deletionTimestamp) {
    return deletionTimestamp.isTextual()
        && !Times.parse(deletionTimestamp.asText()).isAfter(clock.instant());
  }

  private static void reference(ObjectNode into, ObjectNode object) {
    into.put("name", object.path("metadata").path("name").asText());
    into.put("uid", object.path("metadata").path("uid").asText());
  }

  private static boolean hasAudience(JsonNode aud, String wanted) {
    if (aud.isTextual()) {
      return aud.asText().equals(wanted);
    }
    for (JsonNode a : aud) {
      if (a.asText().equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
