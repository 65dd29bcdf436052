package dev.skiff.server.auth;

import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * kube-apiserver's impersonation filter: a request with {@code Impersonate-User} (and optionally
 * {@code Impersonate-Group}, {@code Impersonate-Uid}, {@code Impersonate-Extra-KEY}) acts as that
 * user when the authenticated user may {@code impersonate} each of them ({@code users}, {@code
 * groups}, {@code serviceaccounts} in their namespace for {@code system:serviceaccount:NS:NAME},
 * {@code uids} and {@code userextras/KEY} of authentication.k8s.io). The impersonated user gets
 * {@code system:authenticated} (and a ServiceAccount its two groups when none are given). {@code
 * kubectl --as=... --as-group=...} sends these headers.
 */
public final class Impersonation implements Handler<RoutingContext> {
  static final String USER = "Impersonate-User";
  static final String GROUP = "Impersonate-Group";
  static final String UID = "Impersonate-Uid";
  static final String EXTRA = "impersonate-extra-";
  private static final String SA_PREFIX = "system:serviceaccount:";

  private final Authorizer authorizer;

  public Impersonation(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.request().headers();
    String username = headers.get(USER);
    List<String> groups = new ArrayList<>(headers.getAll(GROUP));
    String uid = headers.get(UID);
    Map<String, List<String>> extra = extra(headers);
    if (username == null) {
      if (!groups.isEmpty() || uid != null || !extra.isEmpty()) {
        ctx.fail(
            StatusException.internal(
                "Internal error occurred: requested "
                    + requested(groups, uid, extra)
                    + " without impersonating a user"));
        return;
      }
      ctx.next();
      return;
    }
    User actor = User.of(ctx);
    boolean groupsSpecified = !groups.isEmpty();
    List<Attributes> checks = new ArrayList<>();
    if (username.startsWith(SA_PREFIX) && username.split(":").length == 4) {
      String[] parts = username.split(":");
      checks.add(Attributes.resource("impersonate", "", "serviceaccounts", "", parts[2], parts[3]));
      if (!groupsSpecified) {
        groups.add("system:serviceaccounts");
        groups.add("system:serviceaccounts:" + parts[2]);
      }
    } else {
      checks.add(Attributes.resource("impersonate", "", "users", "", "", username));
    }
    for (String g : headers.getAll(GROUP)) {
      checks.add(Attributes.resource("impersonate", "", "groups", "", "", g));
    }
    if (uid != null) {
      checks.add(Attributes.resource("impersonate", "authentication.k8s.io", "uids", "", "", uid));
    }
    extra.forEach(
        (key, values) ->
            values.forEach(
                v ->
                    checks.add(
                        Attributes.resource(
                            "impersonate", "authentication.k8s.io", "userextras", key, "", v))));
    for (Attributes a : checks) {
      Decision decision = authorizer.authorize(actor, a);
      if (!decision.allowed()) {
        ctx.fail(AuthorizationHandler.forbidden(actor, a, decision.reason()));
        return;
      }
    }
    if (!username.equals(User.ANONYMOUS.username())) {
      if (!groups.contains(User.AUTHENTICATED) && !groups.contains(User.UNAUTHENTICATED)) {
        groups.add(User.AUTHENTICATED);
      }
    } else if (!groups.contains(User.UNAUTHENTICATED)) {
      groups.add(User.UNAUTHENTICATED);
    }
    new User(username, uid == null ? "" : uid, groups, extra).attach(ctx);
    ctx.next();
  }

  private static Map<String, List<String>> extra(MultiMap headers) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(EXTRA)) {
        String key = URLDecoder.decode(name.substring(EXTRA.length()), StandardCharsets.UTF_8);
        extra.computeIfAbsent(key, k -> new ArrayList<>()).add(h.getValue());
      }
    }
    return extra;
  }

  private static String requested(
      List<String> groups, String uid, Map<String, List<String>> extra) {
    List<String> parts = new ArrayList<>();
    groups.forEach(g -> parts.add("Group=" + g));
    if (uid != null) {
      parts.add("UID=" + uid);
    }
    extra.forEach((k, v) -> parts.add("Extra[" + k + "]=" + v));
    return parts.toString();
  }
}
