package dev.skiff.server.auth;

import java.util.List;
import java.util.Set;

/**
 * Today's policy, until RBAC: members of {@code system:masters} may do everything (Kubernetes'
 * built-in superuser group); every authenticated user has what Kubernetes' default bindings give
 * {@code system:authenticated} (system:basic-user: create self reviews; system:discovery: read the
 * discovery and OpenAPI paths); everyone may read the public info endpoints
 * (system:public-info-viewer). Anything else is denied, so a ServiceAccount token authenticates but
 * may do nothing else, as on a Kubernetes cluster where nothing is bound to it.
 */
public final class AdminAuthorizer implements Authorizer {
  private static final Set<String> PUBLIC_INFO =
      Set.of("/healthz", "/livez", "/readyz", "/version", "/version/");
  private static final List<String> DISCOVERY =
      List.of("/api", "/api/*", "/apis", "/apis/*", "/openapi", "/openapi/*");
  private static final Set<String> SELF_REVIEWS =
      Set.of("selfsubjectreviews", "selfsubjectaccessreviews", "selfsubjectrulesreviews");
  private static final List<String> ALL = List.of("*");

  @Override
  public Decision authorize(User user, Attributes a) {
    if (user.inGroup(User.MASTERS)) {
      return Decision.allow("");
    }
    if (!a.resourceRequest() && a.verb().equals("get") && PUBLIC_INFO.contains(a.path())) {
      return Decision.allow("");
    }
    if (user.inGroup(User.AUTHENTICATED)) {
      if (a.resourceRequest() && a.verb().equals("create") && SELF_REVIEWS.contains(a.resource())) {
        return Decision.allow("");
      }
      if (!a.resourceRequest() && a.verb().equals("get") && discovery(a.path())) {
        return Decision.allow("");
      }
    }
    return Decision.deny("");
  }

  private static boolean discovery(String path) {
    for (String p : DISCOVERY) {
      if (p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Rules rules(User user, String namespace) {
    List<Rules.NonResourceRule> publicInfo =
        List.of(new Rules.NonResourceRule(List.of("get"), List.copyOf(PUBLIC_INFO)));
    if (user.inGroup(User.MASTERS)) {
      return new Rules(
          List.of(new Rules.ResourceRule(ALL, ALL, ALL, List.of())),
          List.of(new Rules.NonResourceRule(ALL, ALL)),
          false);
    }
    if (!user.inGroup(User.AUTHENTICATED)) {
      return new Rules(List.of(), publicInfo, false);
    }
    return new Rules(
        List.of(
            new Rules.ResourceRule(
                List.of("create"),
                List.of("authentication.k8s.io", "authorization.k8s.io"),
                List.copyOf(SELF_REVIEWS),
                List.of())),
        List.of(
            new Rules.NonResourceRule(List.of("get"), List.copyOf(PUBLIC_INFO)),
            new Rules.NonResourceRule(List.of("get"), DISCOVERY)),
        false);
  }
}
