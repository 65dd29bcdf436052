package dev.skiff.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminAuthorizerTest {
  private static final User SERVICE_ACCOUNT =
      new User(
          "system:serviceaccount:ns:sa",
          "uid",
          List.of("system:serviceaccounts", "system:serviceaccounts:ns", User.AUTHENTICATED));

  private final AdminAuthorizer authorizer = new AdminAuthorizer();

  @ParameterizedTest(name = "{0} {1} {2}/{3} {4}: {5}")
  @CsvSource({
    // who, verb, group, resource, path (non-resource when resource is empty), allowed
    "admin, list, '', pods, '', true",
    "admin, delete, apps, deployments, '', true",
    "admin, get, '', '', /metrics, true",
    "sa, create, authentication.k8s.io, selfsubjectreviews, '', true",
    "sa, create, authorization.k8s.io, selfsubjectaccessreviews, '', true",
    "sa, create, authorization.k8s.io, selfsubjectrulesreviews, '', true",
    "sa, get, '', '', /api, true",
    "sa, get, '', '', /apis/apps/v1, true",
    "sa, get, '', '', /openapi/v3, true",
    "sa, get, '', '', /version, true",
    "sa, list, '', pods, '', false",
    "sa, create, '', configmaps, '', false",
    "sa, get, '', '', /metrics, false",
    "anonymous, get, '', '', /healthz, true",
    "anonymous, get, '', '', /api, false",
    "anonymous, create, authentication.k8s.io, selfsubjectreviews, '', false",
  })
  void grantsWhatKubernetesDefaultBindingsGrant(
      String who, String verb, String group, String resource, String path, boolean allowed) {
    User user =
        switch (who) {
          case "admin" -> User.ADMIN;
          case "sa" -> SERVICE_ACCOUNT;
          default -> User.ANONYMOUS;
        };
    Attributes a =
        resource.isEmpty()
            ? Attributes.nonResource(verb, path)
            : Attributes.resource(verb, group, resource, "", "ns", "");
    assertThat(authorizer.authorize(user, a).allowed()).isEqualTo(allowed);
  }
}
