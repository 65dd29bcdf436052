package dev.skiff.server.http;

import static dev.skiff.server.http.ApiErrorsIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.skiff.server.testing.TestApiServers;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pods/log is proxied to the node agent at the node's InternalIP and kubelet port, query passed
 * through, body streamed. The node agent here is a stub HTTP server recording what it was asked.
 */
class LogProxyIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static TestApiServers servers;
  private static Http http;
  private static HttpServer agent;
  private static final AtomicReference<String> asked = new AtomicReference<>();
  private static final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void start() throws Exception {
    servers = TestApiServers.start(1);
    http = Http.of(servers, 0);
    agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    agent.createContext(
        "/containerLogs/",
        exchange -> {
          asked.set(exchange.getRequestURI().toString());
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (exchange.getRequestURI().getQuery().contains("follow=true")) {
              release.await(20, TimeUnit.SECONDS);
            }
            out.write("second\n".getBytes(StandardCharsets.UTF_8));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    agent.start();
    String node =
        "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"logs-node\"},\"status\":{"
            + "\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"127.0.0.1\"}],"
            + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":"
            + agent.getAddress().getPort()
            + "}}}}";
    assertThat(http.send("POST", "/api/v1/nodes", "application/json", node).code()).isEqualTo(201);
    String pod =
        "{\"metadata\":{\"name\":\"talker\"},\"spec\":{\"nodeName\":\"logs-node\",\"containers\":["
            + "{\"name\":\"main\",\"image\":\"busybox\"},{\"name\":\"side\",\"image\":\"busybox\"}]}}";
    assertThat(http.send("POST", PODS, "application/json", pod).code()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    release.countDown();
    agent.stop(0);
    servers.close();
  }

  @Test
  void logsAreFetchedFromTheNodeAgentWithTheQueryPassedThrough() {
    Http.Reply r = http.get(PODS + "/talker/log?container=side&tailLines=5&timestamps=true");
    assertThat(r.code()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    assertThat(r.body()).isEqualTo("first\nsecond\n");
    assertThat(asked.get())
        .startsWith("/containerLogs/default/talker/side?")
        .contains("tailLines=5", "timestamps=true");
  }

  @Test
  void followStreamsLinesAsTheAgentWritesThem() throws Exception {
    HttpResponse<InputStream> response =
        http.client()
            .send(
                http.request(PODS + "/talker/log?container=main&follow=true").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("first");
      release.countDown();
      assertThat(lines.readLine()).isEqualTo("second");
      assertThat(lines.readLine()).isNull();
    }
  }

  @Test
  void aPodWithSeveralContainersNeedsAContainerName() {
    Http.Reply r = http.get(PODS + "/talker/log");
    assertStatus(r, 400, "BadRequest");
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "a container name must be specified for pod talker, choose one of: [main, side]");
    assertStatus(http.get(PODS + "/talker/log?container=nope"), 400, "BadRequest");
  }

  @Test
  void anUnscheduledPodHasNoLogsYet() {
    String pod =
        "{\"metadata\":{\"name\":\"waiting\"},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}";
    http.send("POST", PODS, "application/json", pod);
    Http.Reply r = http.get(PODS + "/waiting/log");
    assertStatus(r, 400, "BadRequest");
    assertThat(r.json().path("message").asText())
        .isEqualTo("pod waiting does not have a host assigned");
  }
}
