package dev.skiff.server.auth;

import java.util.List;
import java.util.Set;

/**
 * Today's policy: members of {@code system:masters} may do everything (as Kubernetes' built-in
 * superuser group); everyone may read the public info endpoints (system:public-info-viewer);
 * anything else is denied.
 */
public final class AdminAuthorizer implements Authorizer {
  private static final Set<String> PUBLIC_INFO =
      Set.of("/healthz", "/livez", "/readyz", "/version", "/version/");
  private static final List<String> ALL = List.of("*");

  @Override
  public Decision authorize(User user, Attributes a) {
    if (user.inGroup(User.MASTERS)) {
      return Decision.allow("");
    }
    if (!a.resourceRequest() && a.verb().equals("get") && PUBLIC_INFO.contains(a.path())) {
      return Decision.allow("");
    }
    return Decision.deny("");
  }

  @Override
  public Rules rules(User user, String namespace) {
    List<Rules.NonResourceRule> publicInfo =
        List.of(new Rules.NonResourceRule(List.of("get"), List.copyOf(PUBLIC_INFO)));
    if (!user.inGroup(User.MASTERS)) {
      return new Rules(List.of(), publicInfo, false);
    }
    return new Rules(
        List.of(new Rules.ResourceRule(ALL, ALL, ALL, List.of())),
        List.of(new Rules.NonResourceRule(ALL, ALL)),
        false);
  }
}
