package dev.skiff.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestAttributesTest {
  private record Case(HttpMethod method, String path, boolean watch, Attributes expected) {}

  @Test
  void readsVerbResourceAndScopeAsKubeApiserverDoes() {
    List<Case> cases =
        List.of(
            new Case(
                HttpMethod.GET,
                "/api/v1/namespaces/default/pods",
                false,
                Attributes.resource("list", "", "pods", "", "default", "")),
            new Case(
                HttpMethod.GET,
                "/api/v1/namespaces/default/pods",
                true,
                Attributes.resource("watch", "", "pods", "", "default", "")),
            new Case(
                HttpMethod.GET,
                "/api/v1/namespaces/default/pods/web/log",
                false,
                Attributes.resource("get", "", "pods", "log", "default", "web")),
            new Case(
                HttpMethod.PATCH,
                "/apis/apps/v1/namespaces/ns1/deployments/api/scale",
                false,
                Attributes.resource("patch", "apps", "deployments", "scale", "ns1", "api")),
            new Case(
                HttpMethod.DELETE,
                "/api/v1/namespaces/ns1",
                false,
                Attributes.resource("delete", "", "namespaces", "", "ns1", "ns1")),
            new Case(
                HttpMethod.PUT,
                "/api/v1/namespaces/ns1/finalize",
                false,
                Attributes.resource("update", "", "namespaces", "finalize", "ns1", "ns1")),
            new Case(
                HttpMethod.DELETE,
                "/api/v1/namespaces/ns1/pods",
                false,
                Attributes.resource("deletecollection", "", "pods", "", "ns1", "")),
            new Case(
                HttpMethod.POST,
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                false,
                Attributes.resource(
                    "create", "authorization.k8s.io", "selfsubjectaccessreviews", "", "", "")),
            new Case(
                HttpMethod.GET,
                "/api/v1/nodes",
                false,
                Attributes.resource("list", "", "nodes", "", "", "")),
            new Case(
                HttpMethod.GET,
                "/apis/apps/v1",
                false,
                Attributes.nonResource("get", "/apis/apps/v1")),
            new Case(HttpMethod.HEAD, "/healthz", false, Attributes.nonResource("get", "/healthz")),
            new Case(
                HttpMethod.GET,
                "/openapi/v3",
                false,
                Attributes.nonResource("get", "/openapi/v3")));
    for (Case c : cases) {
      assertThat(RequestAttributes.of(c.method, c.path, c.watch))
          .as(c.method + " " + c.path)
          .isEqualTo(c.expected);
    }
  }

  @Test
  void aDenialIsForbiddenWordedAsKubernetesWordsIt() {
    var e =
        AuthorizationHandler.forbidden(
            User.ANONYMOUS, Attributes.resource("list", "", "pods", "", "default", ""), "");
    assertThat(e.code()).isEqualTo(403);
    assertThat(e.reason()).isEqualTo("Forbidden");
    assertThat(e.getMessage())
        .isEqualTo(
            "pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");
  }
}
