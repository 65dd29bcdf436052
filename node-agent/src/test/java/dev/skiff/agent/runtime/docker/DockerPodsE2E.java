package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.ProbeSpecs;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods as real Docker containers of a locally built busybox image. */
class DockerPodsE2E {
  static final int INDEX = 41;
  @TempDir static Path dir;
  static TestApiServer api;
  static TestNode node;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    Docker.requireEngineAndImages();
    api = TestApiServer.start();
    node = Docker.startNode(Docker.nodeOptions(api, INDEX, dir));
    pods = new PodChecks(api);
  }

  @AfterAll
  static void stop() {
    Docker.stopNode(node);
    if (api != null) {
      api.close();
    }
  }

  @Test
  void runsAContainerWhoseIpIsThePodIpAndServesFromIt() throws Exception {
    Pod pod =
        Pods.shell(
            "web",
            node.name(),
            "mkdir -p /www; echo hello > /www/index.html; exec httpd -f -p 8080 -h /www");
    pod.spec().containers.get(0).readinessProbe =
        ProbeSpecs.http("/index.html", IntOrString.of(8080));
    pods.create(pod);

    await().atMost(Duration.ofSeconds(20)).until(() -> pods.ready("web"));
    Pod running = pods.get("web");
    assertThat(running.status.podIP).startsWith("10.244." + INDEX + ".");
    assertThat(running.status.containerStatuses.get(0).containerID).startsWith("docker://");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://" + running.status.podIP + ":8080/index.html"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("hello\n");
  }

  @Test
  void givesEnvExpandedArgsAndClusterFirstDns() {
    Pod pod =
        Pods.pod(
            "env",
            node.name(),
            c -> {
              c.command = List.of("sh", "-c");
              c.args =
                  List.of(
                      "echo \"$(GREETING) $(MY_NAME) $MY_IP\"; cat /etc/resolv.conf; sleep 600");
              c.env =
                  List.of(
                      Pods.env("GREETING", "hi"),
                      Pods.fieldRef("MY_NAME", "metadata.name"),
                      Pods.fieldRef("MY_IP", "status.podIP"));
            });
    pods.create(pod);

    await().atMost(Duration.ofSeconds(20)).until(() -> pods.ready("env"));
    String ip = pods.get("env").status.podIP;
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(pods.logs("env", Map.of()))
                    .startsWith("hi env " + ip + "\n")
                    .contains("nameserver 10.97." + INDEX + ".10")
                    .contains("search default.svc.cluster.local svc.cluster.local cluster.local")
                    .contains("ndots:5"));
  }

  @Test
  void containersOfOnePodShareTheNetworkNamespace() {
    Pod pod =
        Pods.shell(
            "pair",
            node.name(),
            "mkdir -p /www; echo shared > /www/index.html; exec httpd -f -p 127.0.0.1:9090 -h /www");
    Container client = new Container();
    client.name = "client";
    client.image = Docker.BUSYBOX;
    client.command =
        List.of(
            "sh",
            "-c",
            "while true; do wget -q -O - http://127.0.0.1:9090/index.html; sleep 0.5; done");
    pod.spec().containers.add(client);
    pods.create(pod);

    await().atMost(Duration.ofSeconds(20)).until(() -> pods.ready("pair"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pods.logs("pair", Map.of("container", "client")).contains("shared"));
  }

  @Test
  void aMissingCommandIsARunContainerErrorAndACrashLoopBacksOff() {
    pods.create(Pods.pod("nocmd", node.name(), c -> c.command = List.of("/no/such/binary")));
    pods.create(Pods.shell("crasher", node.name(), "echo boom; exit 2"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "RunContainerError".equals(pods.waitingReason("nocmd")));
    assertThat(pods.container("nocmd").state.waiting.message).contains("/no/such/binary");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "CrashLoopBackOff".equals(pods.waitingReason("crasher")));
    assertThat(pods.container("crasher").lastState.terminated.exitCode).isEqualTo(2);
    assertThat(pods.container("crasher").restartCount).isGreaterThanOrEqualTo(1);
    assertThat(pods.logs("crasher", Map.of("previous", "true"))).isEqualTo("boom\n");
  }

  @Test
  void execLivenessFailureRestartsTheContainer() {
    Pod pod = Pods.shell("liveness", node.name(), "touch /alive; (sleep 2; rm /alive) & sleep 600");
    pod.spec().containers.get(0).livenessProbe = ProbeSpecs.exec("test", "-f", "/alive");
    pods.create(pod);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                pods.container("liveness") != null && pods.container("liveness").restartCount >= 1);
  }

  @Test
  void deletionStopsTheContainersAndRemovesThePod() {
    Pod pod =
        Pods.shell("doomed", node.name(), "trap 'exit 0' TERM; while true; do sleep 0.2; done");
    pods.create(pod);
    await().atMost(Duration.ofSeconds(20)).until(() -> pods.ready("doomed"));
    String id = pods.container("doomed").containerID.substring("docker://".length());

    Await.result(api.client().delete(Pod.class, "default", "doomed", DeleteOptions.none()));

    await().atMost(Duration.ofSeconds(20)).until(() -> gone("doomed"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Docker.run("docker", "inspect", id).code() != 0);
  }

  @Test
  void followsLogsUntilTheContainerExits() {
    Pod pod =
        Pods.shell(
            "ticker", node.name(), "sleep 1; for i in 1 2 3; do echo tick-$i; sleep 0.3; done");
    pod.spec().restartPolicy = "Never";
    pods.create(pod);
    await().atMost(Duration.ofSeconds(20)).until(() -> "Succeeded".equals(pods.phase("ticker")));

    assertThat(pods.logs("ticker", Map.of("follow", "true"))).isEqualTo("tick-1\ntick-2\ntick-3\n");
  }

  private static boolean gone(String name) {
    try {
      pods.get(name);
      return false;
    } catch (RuntimeException e) {
      return Errors.isNotFound(e);
    }
  }
}
