package dev.skiff.server.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Who made a request, as the authenticator established it (user.Info in Kubernetes). Today the one
 * bearer token is the cluster admin; ServiceAccount tokens give {@code
 * system:serviceaccount:NS:NAME} ({@code extra} names the pod a pod-bound token belongs to).
 */
public record User(
    String username, String uid, List<String> groups, Map<String, List<String>> extra) {
  public static final String MASTERS = "system:masters";
  public static final String AUTHENTICATED = "system:authenticated";
  public static final String UNAUTHENTICATED = "system:unauthenticated";

  /** The identity of the cluster's bearer token, as kubeadm names its admin. */
  public static final User ADMIN =
      new User("kubernetes-admin", "", List.of(MASTERS, AUTHENTICATED));

  public static final User ANONYMOUS = new User("system:anonymous", "", List.of(UNAUTHENTICATED));

  private static final String KEY = "skiff.user";

  public User {
    groups = List.copyOf(groups);
    extra = Map.copyOf(extra);
  }

  public User(String username, String uid, List<String> groups) {
    this(username, uid, groups, Map.of());
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  /** Records the authenticated user on the request. */
  public void attach(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  /** The request's user; anonymous when no authenticator vouched for one. */
  public static User of(RoutingContext ctx) {
    User user = ctx.get(KEY);
    return user == null ? ANONYMOUS : user;
  }
}
