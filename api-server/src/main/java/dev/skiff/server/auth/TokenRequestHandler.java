package dev.skiff.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.http.Bodies;
import dev.skiff.server.http.Replies;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/namespaces/NS/serviceaccounts/NAME/token}: an authentication.k8s.io/v1
 * TokenRequest ({@code kubectl create token NAME --duration=10m --audience=A
 * --bound-object-kind=Pod --bound-object-name=P}). Expiry defaults to 1 h; less than 10 minutes or
 * more than 2^32 seconds is 422, as Kubernetes validates it. Audiences default to the API server's.
 * A token bound to a Pod or Secret names it (and the pod's node) and dies with it.
 */
public final class TokenRequestHandler {
  static final String PATH = "/api/v1/namespaces/:namespace/serviceaccounts/:name/token";
  static final long DEFAULT_EXPIRATION = 3600;
  private static final long MIN_EXPIRATION = 600;
  private static final long MAX_EXPIRATION = 1L << 32;

  private final ObjectRegistry registry;
  private final ServiceAccountTokens tokens;
  private final Clock clock;

  public TokenRequestHandler(ObjectRegistry registry, ServiceAccountTokens tokens, Clock clock) {
    this.registry = registry;
    this.tokens = tokens;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.post(PATH).handler(this::create);
  }

  private void create(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    ObjectNode request = Bodies.object(ctx);
    ObjectNode spec = request.with("spec");
    if (!spec.path("expirationSeconds").isNumber()) {
      spec.put("expirationSeconds", DEFAULT_EXPIRATION);
    }
    long expiration = spec.path("expirationSeconds").asLong();
    validate(name, expiration);
    if (!spec.path("audiences").isArray() || spec.path("audiences").isEmpty()) {
      spec.putArray("audiences").add(ServiceAccountTokens.ISSUER);
    }
    List<String> audiences = new ArrayList<>();
    spec.path("audiences").forEach(a -> audiences.add(a.asText()));
    JsonNode bound = spec.path("boundObjectRef");
    registry
        .get(Resources.SERVICEACCOUNTS, namespace, name)
        .compose(
            sa ->
                boundObject(namespace, bound)
                    .compose(
                        object ->
                            node(object)
                                .compose(
                                    node ->
                                        tokens.issue(
                                            sa,
                                            audiences,
                                            expiration,
                                            isPod(bound) ? object : null,
                                            node))))
        .onSuccess(
            token -> {
              Instant expires = clock.instant().plusSeconds(expiration);
              request.put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest");
              ObjectNode meta = request.with("metadata");
              meta.put("name", name).put("namespace", namespace);
              meta.put("creationTimestamp", Times.now(clock));
              request
                  .putObject("status")
                  .put("token", token)
                  .put("expirationTimestamp", Times.time(expires));
              Replies.json(ctx, 201, request);
            })
        .onFailure(ctx::fail);
  }

  private static void validate(String name, long expiration) {
    String problem =
        expiration < MIN_EXPIRATION
            ? "may not specify a duration less than 10 minutes"
            : expiration > MAX_EXPIRATION
                ? "may not specify a duration larger than 2^32 seconds"
                : null;
    if (problem != null) {
      throw StatusException.invalid(
          "authentication.k8s.io",
          "TokenRequest",
          "serviceaccounts",
          name,
          List.of(
              new StatusCause(
                  Reason.FIELD_VALUE_INVALID,
                  "Invalid value: " + expiration + ": " + problem,
                  "spec.expirationSeconds")));
    }
  }

  /** The Pod or Secret the token is bound to (uid checked), or null when it is not bound. */
  private Future<ObjectNode> boundObject(String namespace, JsonNode ref) {
    if (ref.isMissingNode() || ref.isNull()) {
      return Future.succeededFuture();
    }
    String kind = ref.path("kind").asText();
    String name = ref.path("name").asText();
    if (!kind.equals("Pod") && !kind.equals("Secret")) {
      return Future.failedFuture(
          StatusException.badRequest(
              "cannot bind token to object of type "
                  + ref.path("apiVersion").asText()
                  + ", Kind="
                  + kind));
    }
    String uid = ref.path("uid").asText("");
    return registry
        .get(kind.equals("Pod") ? Resources.PODS : Resources.SECRETS, namespace, name)
        .compose(
            o -> {
              String actual = o.path("metadata").path("uid").asText();
              if (!uid.isEmpty() && !uid.equals(actual)) {
                return Future.failedFuture(
                    StatusException.conflict(
                        "",
                        kind.equals("Pod") ? "pods" : "secrets",
                        name,
                        "the UID in the bound object reference ("
                            + uid
                            + ") does not match the UID in record. The object might have been"
                            + " deleted and then recreated"));
              }
              return Future.succeededFuture(o);
            });
  }

  /** The node of a bound pod, when it is scheduled and the node exists; else null. */
  private Future<ObjectNode> node(ObjectNode pod) {
    String nodeName = pod == null ? "" : pod.path("spec").path("nodeName").asText("");
    if (nodeName.isEmpty()) {
      return Future.succeededFuture();
    }
    return registry
        .get(Resources.NODES, null, nodeName)
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private static boolean isPod(JsonNode ref) {
    return "Pod".equals(ref.path("kind").asText());
  }
}
