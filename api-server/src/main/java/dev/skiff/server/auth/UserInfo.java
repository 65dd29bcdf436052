package dev.skiff.server.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Who sent a request, as authentication decided it (Kubernetes' user.Info): the authenticators put
 * it on the request context, authorization and audit read it with {@link #of}.
 *
 * @param uid the ServiceAccount's uid for a ServiceAccount token, else null
 * @param extra e.g. {@code authentication.kubernetes.io/pod-name} for a pod-bound token
 */
public record UserInfo(
    String name, String uid, List<String> groups, Map<String, List<String>> extra) {
  private static final String KEY = "skiff.userInfo";

  /** The holder of the cluster's admin token. */
  public static final UserInfo ADMIN =
      new UserInfo(
          "skiff:admin", null, List.of("system:masters", "system:authenticated"), Map.of());

  /** The user of an unauthenticated request to a public path (health, version). */
  public static final UserInfo ANONYMOUS =
      new UserInfo("system:anonymous", null, List.of("system:unauthenticated"), Map.of());

  /** The request's user; {@link #ANONYMOUS} when none was set. */
  public static UserInfo of(RoutingContext ctx) {
    UserInfo user = ctx.get(KEY);
    return user == null ? ANONYMOUS : user;
  }

  void putOn(RoutingContext ctx) {
    ctx.put(KEY, this);
  }
}
