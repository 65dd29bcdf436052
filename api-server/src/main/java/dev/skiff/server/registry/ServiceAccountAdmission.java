package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.resource.Resources;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kubernetes' ServiceAccount admission for new pods: the pod's (defaulted) {@code
 * spec.serviceAccountName} must exist, else 403 {@code pods "x" is forbidden: error looking up
 * service account NS/NAME: serviceaccount "NAME" not found}. Like Kubernetes, the {@code default}
 * ServiceAccount is looked up 10 times 100-200 ms apart before the pod is refused, so a pod created
 * right after its namespace waits for the controller that creates it instead of failing. Never
 * blocks: the waits are timers. A pod without {@code imagePullSecrets} gets its ServiceAccount's
 * (also where ServiceAccounts are not required, {@link #pullSecrets}).
 */
final class ServiceAccountAdmission {
  static final String DEFAULT = "default";
  private static final int DEFAULT_ATTEMPTS = 10;

  private ServiceAccountAdmission() {}

  static Future<Void> require(Vertx vertx, ObjectRegistry registry, String ns, ObjectNode pod) {
    String name = pod.path("spec").path("serviceAccountName").asText("");
    if (name.isEmpty()) {
      return Future.succeededFuture();
    }
    long interval = ThreadLocalRandom.current().nextLong(100, 200);
    int attempts = name.equals(DEFAULT) ? DEFAULT_ATTEMPTS : 1;
    Promise<ObjectNode> result = Promise.promise();
    attempt(vertx, registry, ns, name, Metadata.name(pod), attempts, interval, result);
    return result.future().map(sa -> copyPullSecrets(sa, pod));
  }

  /**
   * Where ServiceAccounts are not required: only copies the pull secrets of the pod's
   * ServiceAccount when it exists.
   */
  static Future<Void> pullSecrets(ObjectRegistry registry, String ns, ObjectNode pod) {
    String name = pod.path("spec").path("serviceAccountName").asText("");
    if (name.isEmpty() || pod.path("spec").path("imagePullSecrets").size() > 0) {
      return Future.succeededFuture();
    }
    return registry
        .store()
        .get(ObjectRegistry.key(Resources.SERVICEACCOUNTS, ns, name))
        .map(sa -> copyPullSecrets(sa, pod))
        .recover(
            e ->
                Errors.isNotFound(e)
                    ? Future.<Void>succeededFuture()
                    : Future.<Void>failedFuture(e));
  }

  /** As Kubernetes' admission: a pod without {@code imagePullSecrets} gets its ServiceAccount's. */
  private static Void copyPullSecrets(ObjectNode sa, ObjectNode pod) {
    JsonNode secrets = sa.path("imagePullSecrets");
    if (!secrets.isArray() || secrets.isEmpty()) {
      return null;
    }
    JsonNode own = pod.path("spec").path("imagePullSecrets");
    if (own.isArray() && !own.isEmpty()) {
      return null;
    }
    ArrayNode copied = ((ObjectNode) pod.path("spec")).putArray("imagePullSecrets");
    for (JsonNode ref : secrets) {
      copied.addObject().put("name", ref.path("name").asText(""));
    }
    return null;
  }

  private static void attempt(
      Vertx vertx,
      ObjectRegistry registry,
      String ns,
      String name,
      String pod,
      int left,
      long interval,
      Promise<ObjectNode> result) {
    registry
        .store()
        .get(ObjectRegistry.key(Resources.SERVICEACCOUNTS, ns, name))
        .onSuccess(result::tryComplete)
        .onFailure(
            e -> {
              if (!Errors.isNotFound(e)) {
                result.tryFail(e);
              } else if (left > 1) {
                vertx.setTimer(
                    interval,
                    t -> attempt(vertx, registry, ns, name, pod, left - 1, interval, result));
              } else {
                result.tryFail(
                    NamespaceLifecycle.forbidden(
                        Resources.PODS,
                        pod,
                        "error looking up service account "
                            + ns
                            + "/"
                            + name
                            + ": serviceaccount \""
                            + name
                            + "\" not found"));
              }
            });
  }
}
