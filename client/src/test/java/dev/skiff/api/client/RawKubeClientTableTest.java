package dev.skiff.api.client;

import static dev.skiff.api.client.ScriptedApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.Resources;
import dev.skiff.testing.Await;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RawKubeClient#table}: the Accept header kubectl's get sends, and the paths it reads. */
class RawKubeClientTableTest {
  private static final String TABLE =
      "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"columnDefinitions\":[],\"rows\":[]}";

  @RegisterExtension static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension();

  private ScriptedApiServer server;
  private KubeClient client;

  @BeforeEach
  void start() {
    server = SCRIPTED.server();
    client = SCRIPTED.client();
  }

  @Test
  void asksForATableOfACollectionWithTheSelectors() {
    server.always(HttpMethod.GET, "/api/v1/namespaces/shop/pods", r -> true, json(200, TABLE));

    ObjectNode table =
        Await.result(
            client.raw().table(Resources.PODS, "shop", null, ListOptions.labelSelector("app=web")));

    ScriptedApiServer.Recorded request = server.requests().get(0);
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(request.headers().get("Accept"))
        .isEqualTo(
            "application/json;as=Table;v=v1;g=meta.k8s.io,"
                + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");
    assertThat(request.param("labelSelector")).isEqualTo("app=web");
  }

  @Test
  void asksForATableOfOneObjectAndOfEveryNamespace() {
    server.always(
        HttpMethod.GET,
        "/apis/apps/v1/namespaces/default/deployments/web",
        r -> true,
        json(200, TABLE));
    server.always(HttpMethod.GET, "/api/v1/services", r -> true, json(200, TABLE));

    Await.result(client.raw().table(Resources.DEPLOYMENTS, "default", "web", ListOptions.none()));
    Await.result(client.raw().table(Resources.SERVICES, null, null, ListOptions.none()));

    assertThat(server.requests())
        .extracting(ScriptedApiServer.Recorded::path)
        .containsExactly("/apis/apps/v1/namespaces/default/deployments/web", "/api/v1/services");
  }

  @Test
  void otherCallsStillAskForPlainJson() {
    server.always(
        HttpMethod.GET, "/api/v1/namespaces/default/pods/web", r -> true, json(200, "{}"));

    Await.result(client.raw().get(Resources.PODS, "default", "web"));

    assertThat(server.requests().get(0).headers().get("Accept")).isEqualTo("application/json");
  }
}
