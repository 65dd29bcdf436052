package dev.skiff.api.client;

import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.ScriptedApiServer.json;
import static dev.skiff.api.client.ScriptedApiServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.Resources;
import dev.skiff.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RawKubeClientTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String DEPLOY = "/apis/apps/v1/namespaces/default/deployments/api";
  @RegisterExtension static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension();

  private ScriptedApiServer server;
  private KubeClient client;

  @BeforeEach
  void start() {
    server = SCRIPTED.server();
    client = SCRIPTED.client();
  }

  @Test
  void getAndCreateWorkOnJsonTrees() {
    server.always(HttpMethod.GET, PODS + "/web", r -> true, json(200, pod("web", "3")));
    server.always(HttpMethod.POST, PODS, r -> true, json(201, pod("new", "4")));

    ObjectNode web = Await.result(client.raw().get(Resources.PODS, "default", "web"));
    web.with("metadata").put("name", "new");
    ObjectNode created =
        Await.result(client.raw().create(Resources.PODS, "default", web, PatchOptions.none()));

    assertThat(web.at("/metadata/resourceVersion").asText()).isEqualTo("3");
    assertThat(created.at("/metadata/name").asText()).isEqualTo("new");
    assertThat(server.requests().get(1).body()).contains("\"name\":\"new\"");
  }

  @Test
  void scaleIsReadAndPatchedThroughItsSubresource() {
    String scale =
        "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":\"api\"},"
            + "\"spec\":{\"replicas\":%d}}";
    server.always(HttpMethod.GET, DEPLOY + "/scale", r -> true, json(200, scale.formatted(2)));
    server.always(HttpMethod.PATCH, DEPLOY + "/scale", r -> true, json(200, scale.formatted(4)));

    ObjectNode before =
        Await.result(client.raw().getSubresource(Resources.DEPLOYMENTS, "default", "api", "scale"));
    ObjectNode after =
        Await.result(
            client
                .raw()
                .patchSubresource(
                    Resources.DEPLOYMENTS,
                    "default",
                    "api",
                    "scale",
                    PatchType.MERGE,
                    "{\"spec\":{\"replicas\":4}}"));

    assertThat(before.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(after.at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(server.requests().get(1).headers().get("Content-Type"))
        .isEqualTo("application/merge-patch+json");
  }

  @Test
  void logsAreReadWholeWithQueryParameters() {
    server.always(HttpMethod.GET, PODS + "/web/log", r -> true, text(200, "line 1\nline 2\n"));

    Buffer log =
        Await.result(
            client
                .raw()
                .getSubresourceBytes(
                    Resources.PODS,
                    "default",
                    "web",
                    "log",
                    Map.of("container", "nginx", "tailLines", "2")));

    assertThat(log.toString()).isEqualTo("line 1\nline 2\n");
    assertThat(server.requests().get(0).param("tailLines")).isEqualTo("2");
    assertThat(server.requests().get(0).param("container")).isEqualTo("nginx");
  }

  @Test
  void followedLogsStreamChunksUntilTheServerEndsTheBody() {
    server.always(HttpMethod.GET, PODS + "/web/log", r -> true, server.stream());
    ReadStream<Buffer> stream =
        Await.result(
            client
                .raw()
                .streamSubresource(
                    Resources.PODS, "default", "web", "log", Map.of("follow", "true")));
    Buffer received = Buffer.buffer();
    Promise<Void> ended = Promise.promise();
    stream.handler(received::appendBuffer).endHandler(v -> ended.complete());
    stream.resume();
    ScriptedApiServer.Stream log = server.nextStream();

    log.chunk("hello ");
    await().until(() -> received.toString().equals("hello "));
    log.chunk("world\n");
    log.end();

    Await.result(ended.future());
    assertThat(received.toString()).isEqualTo("hello world\n");
    assertThat(log.recorded().param("follow")).isEqualTo("true");
  }

  @Test
  void arbitraryPathsSuchAsVersionCanBeRequested() {
    server.always(
        HttpMethod.GET, "/version", r -> true, json(200, "{\"major\":\"1\",\"minor\":\"32\"}"));

    Buffer body = Await.result(client.raw().request(HttpMethod.GET, "/version", null, null));

    assertThat(body.toJsonObject().getString("minor")).isEqualTo("32");
  }

  @Test
  void aClientFromAKubeconfigUsesItsServerAndToken(@TempDir Path dir) throws Exception {
    server.always(HttpMethod.GET, PODS + "/web", r -> true, json(200, pod("web", "3")));
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        """
        current-context: c
        contexts: [{name: c, context: {cluster: k, user: u}}]
        clusters: [{name: k, cluster: {server: "%s"}}]
        users: [{name: u, user: {token: t0k}}]
        """
            .formatted(server.url()));
    KubeClient fromConfig = KubeClient.fromKubeconfig(SCRIPTED.vertx(), config);

    Await.result(fromConfig.raw().get(Resources.PODS, "default", "web"));

    assertThat(server.requests().get(0).headers().get("Authorization")).isEqualTo("Bearer t0k");
    Await.result(fromConfig.close());
  }
}
