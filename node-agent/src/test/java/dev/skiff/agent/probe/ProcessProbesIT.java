package dev.skiff.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.Await;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.Probes;
import dev.skiff.agent.testing.TestApiServer;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Probe;
import dev.skiff.api.model.meta.IntOrString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness, liveness and startup probes of each kind (httpGet, tcpSocket, exec), for real. */
class ProcessProbesIT {
  @TempDir static Path dir;
  static TestApiServer api;
  static TestNode node;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    api = TestApiServer.start();
    node = TestNode.start(TestNode.options(api, 12, dir));
    pods = new PodChecks(api);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void httpReadinessProbeOnANamedPortFollowsTheServersAnswer() {
    Pod pod =
        Pods.shell(
            "http-ready",
            node.name(),
            "mkdir -p www; echo ok > www/healthz; (sleep 3; rm www/healthz) & "
                + "exec busybox httpd -f -p $POD_IP:8080 -h www");
    pod.spec().containers.get(0).ports = List.of(port("http", 8080));
    pod.spec().containers.get(0).readinessProbe = Probes.http("/healthz", IntOrString.of("http"));
    pods.create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("http-ready"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !pods.ready("http-ready"));
    assertThat(pods.container("http-ready").restartCount).isZero();
    assertThat(pods.phase("http-ready")).isEqualTo("Running");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                hasEvent(
                    "http-ready",
                    "Unhealthy",
                    "Readiness probe failed: HTTP probe failed with statuscode: 404"));
  }

  @Test
  void tcpReadinessProbeWaitsForTheListener() {
    Pod pod =
        Pods.shell(
            "tcp-ready",
            node.name(),
            "sleep 2; mkdir -p www; exec busybox httpd -f -p $POD_IP:8081 -h www");
    pod.spec().containers.get(0).readinessProbe = Probes.tcp(8081);
    pods.create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> "Running".equals(pods.phase("tcp-ready")));
    assertThat(pods.ready("tcp-ready")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("tcp-ready"));
  }

  @Test
  void execReadinessProbeRunsInTheContainersDirectory() {
    Pod pod = Pods.shell("exec-ready", node.name(), "sleep 2; touch ready; sleep 600");
    pod.spec().containers.get(0).readinessProbe = Probes.exec("test", "-f", "ready");
    pods.create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> "Running".equals(pods.phase("exec-ready")));
    assertThat(pods.ready("exec-ready")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("exec-ready"));
  }

  @Test
  void livenessFailureRestartsTheContainer() {
    Pod pod = Pods.shell("liveness", node.name(), "touch alive; (sleep 2; rm alive) & sleep 600");
    pod.spec().containers.get(0).livenessProbe = Probes.exec("test", "-f", "alive");
    pods.create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                pods.container("liveness") != null && pods.container("liveness").restartCount >= 1);
    assertThat(pods.container("liveness").lastState.terminated.exitCode).isEqualTo(143);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                hasEvent(
                    "liveness",
                    "Killing",
                    "Container main failed liveness probe, will be restarted"));
    assertThat(
            hasEvent(
                "liveness",
                "Unhealthy",
                "Liveness probe failed: command [test, -f, alive] exited with 1: "))
        .isTrue();
  }

  @Test
  void startupProbeHoldsReadinessUntilItSucceeds() {
    Pod pod = Pods.shell("startup", node.name(), "sleep 2; touch started; sleep 600");
    Probe startup = Probes.exec("test", "-f", "started");
    startup.failureThreshold = 10;
    pod.spec().containers.get(0).startupProbe = startup;
    pods.create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> "Running".equals(pods.phase("startup")));
    assertThat(pods.container("startup").started).isFalse();
    assertThat(pods.ready("startup")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("startup"));
    assertThat(pods.container("startup").started).isTrue();
    assertThat(pods.container("startup").restartCount).isZero();
  }

  @Test
  void startupProbeFailureRestartsTheContainer() {
    Pod pod = Pods.shell("never-starts", node.name(), "sleep 600");
    Probe startup = Probes.exec("test", "-f", "never");
    startup.failureThreshold = 2;
    pod.spec().containers.get(0).startupProbe = startup;
    pods.create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                pods.container("never-starts") != null
                    && pods.container("never-starts").restartCount >= 1);
    assertThat(pods.ready("never-starts")).isFalse();
  }

  private static boolean hasEvent(String pod, String reason, String message) {
    List<Event> events =
        Await.result(api.client().list(Event.class, "default", ListOptions.none())).items;
    return events.stream()
        .anyMatch(
            e ->
                pod.equals(e.involvedObject.name)
                    && reason.equals(e.reason)
                    && message.equals(e.message));
  }

  private static ContainerPort port(String name, int number) {
    ContainerPort p = new ContainerPort();
    p.name = name;
    p.containerPort = number;
    return p;
  }
}
