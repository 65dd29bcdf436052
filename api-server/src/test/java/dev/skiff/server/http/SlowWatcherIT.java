package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A watcher that stops reading is closed once the server holds too much unsent for it (as
 * kube-apiserver closes watchers that do not keep up), over real sockets: the server's buffers stay
 * bounded, and a real client whose watch was closed catches up without losing a change.
 */
class SlowWatcherIT {
  private static final String NAMESPACE = "default";
  private static final String VALUE = "v".repeat(200_000);
  private static TestApiServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aWatcherThatNeverReadsIsClosed() throws Exception {
    long terminatedBefore = metric("apiserver_terminated_watchers_total", "configmaps");
    URI base = URI.create(server.url());
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/namespaces/"
                  + NAMESPACE
                  + "/configmaps?watch=true HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nAuthorization: Bearer "
                  + server.token()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(12);
      assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
      await().atMost(Duration.ofSeconds(10)).until(() -> openWatches("configmaps") >= 1);
      // about 30 MB of changes the socket never takes
      for (int i = 0; i < 150; i++) {
        write("never-read-" + (i % 10), i);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  metric("apiserver_terminated_watchers_total", "configmaps")
                      == terminatedBefore + 1);
      // what was in flight drains, then the connection ends: the server holds nothing more for it
      socket.setSoTimeout(30_000);
      long read = 0;
      try {
        for (int n; (n = in.read(new byte[65536])) >= 0; ) {
          read += n;
        }
      } catch (SocketException reset) {
        // closed with unsent bytes: a reset is as good as an end
      }
      assertThat(read).isLessThan(30_000_000L);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> openWatches("configmaps") == 0);
  }

  @Test
  void aClientWhoseWatchWasClosedCatchesUpWithoutLosingChanges() throws Exception {
    String namespace = NAMESPACE;
    // one event loop, so blocking it stops the client reading its watch
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    KubeClient client = ControlPlane.localClient(vertx, server.url(), server.token());
    Informer<ConfigMap> informer =
        new Informer<>(
            vertx,
            client,
            ConfigMap.class,
            InformerOptions.inNamespace(namespace).withLabelSelector("test=slow"));
    try {
      Await.result(informer.start());
      long terminatedBefore = metric("apiserver_terminated_watchers_total", "configmaps");
      CountDownLatch release = new CountDownLatch(1);
      vertx.runOnContext(
          v -> {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      try {
        for (int i = 0; i < 150; i++) {
          writeIn(namespace, "slow-" + (i % 10), i);
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    metric("apiserver_terminated_watchers_total", "configmaps") > terminatedBefore);
      } finally {
        release.countDown();
      }
      Map<String, String> truth =
          Await.result(
                  server
                      .client()
                      .list(
                          ConfigMap.class,
                          namespace,
                          ListOptions.none().withLabelSelector("test=slow")))
              .items
              .stream()
              .collect(
                  java.util.stream.Collectors.toMap(
                      c -> c.meta().name, c -> c.data.get("generation")));
      assertThat(truth).hasSize(10);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                Map<String, String> seen =
                    informer.list().stream()
                        .collect(
                            java.util.stream.Collectors.toMap(
                                c -> c.meta().name, c -> c.data.get("generation")));
                assertThat(seen).isEqualTo(truth);
              });
    } finally {
      Await.result(informer.stop());
      Await.result(client.close());
      Await.result(vertx.close());
    }
  }

  private static void write(String name, int generation) {
    writeIn(NAMESPACE, name, generation);
  }

  private static void writeIn(String namespace, String name, int generation) {
    ConfigMap cm = new ConfigMap();
    cm.meta().name = name;
    cm.meta().namespace = namespace;
    if (name.startsWith("slow-")) {
      cm.meta().labels = Map.of("test", "slow");
    }
    cm.data = Map.of("value", VALUE, "generation", Integer.toString(generation));
    KubeClient client = server.client();
    Await.result(
        client
            .get(ConfigMap.class, namespace, name)
            .compose(
                existing -> {
                  cm.meta().resourceVersion = existing.meta().resourceVersion;
                  return client.update(cm);
                })
            .recover(e -> client.create(cm)));
  }

  private static long openWatches(String resource) throws Exception {
    return metric("apiserver_longrunning_requests", resource);
  }

  /** The value of {@code name} for {@code resource} on /metrics, 0 when absent. */
  private static long metric(String name, String resource) throws Exception {
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
                .header("Authorization", "Bearer " + server.token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile("(?m)^" + name + "\\{[^}]*resource=\"" + resource + "\"[^}]*\\} (-?\\d+)$")
            .matcher(reply.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
