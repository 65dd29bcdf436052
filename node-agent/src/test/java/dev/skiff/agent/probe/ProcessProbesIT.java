package dev.skiff.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.ProbeSpecs;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Probe;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Readiness, liveness and startup probes of each kind (httpGet, tcpSocket, exec), for real. */
class ProcessProbesIT {
  @RegisterExtension static final AgentFixture cluster = new AgentFixture(12);

  @Test
  void httpReadinessProbeOnANamedPortFollowsTheServersAnswer() {
    Pod pod =
        Pods.shell(
            "http-ready",
            cluster.node().name(),
            "mkdir -p www; echo ok > www/healthz; (sleep 3; rm www/healthz) & "
                + "exec busybox httpd -f -p $POD_IP:8080 -h www");
    pod.spec().containers.get(0).ports = List.of(port("http", 8080));
    pod.spec().containers.get(0).readinessProbe =
        ProbeSpecs.http("/healthz", IntOrString.of("http"));
    cluster.pods().create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("http-ready"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !cluster.pods().ready("http-ready"));
    assertThat(cluster.pods().container("http-ready").restartCount).isZero();
    assertThat(cluster.pods().phase("http-ready")).isEqualTo("Running");
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
            cluster.node().name(),
            "sleep 2; mkdir -p www; exec busybox httpd -f -p $POD_IP:8081 -h www");
    pod.spec().containers.get(0).readinessProbe = ProbeSpecs.tcp(8081);
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Running".equals(cluster.pods().phase("tcp-ready")));
    assertThat(cluster.pods().ready("tcp-ready")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("tcp-ready"));
  }

  @Test
  void execReadinessProbeRunsInTheContainersDirectory() {
    Pod pod = Pods.shell("exec-ready", cluster.node().name(), "sleep 2; touch ready; sleep 600");
    pod.spec().containers.get(0).readinessProbe = ProbeSpecs.exec("test", "-f", "ready");
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Running".equals(cluster.pods().phase("exec-ready")));
    assertThat(cluster.pods().ready("exec-ready")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("exec-ready"));
  }

  @Test
  void livenessFailureRestartsTheContainer() {
    Pod pod =
        Pods.shell(
            "liveness", cluster.node().name(), "touch alive; (sleep 2; rm alive) & sleep 600");
    pod.spec().containers.get(0).livenessProbe = ProbeSpecs.exec("test", "-f", "alive");
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                cluster.pods().container("liveness") != null
                    && cluster.pods().container("liveness").restartCount >= 1);
    assertThat(cluster.pods().container("liveness").lastState.terminated.exitCode).isEqualTo(143);
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
    Pod pod = Pods.shell("startup", cluster.node().name(), "sleep 2; touch started; sleep 600");
    Probe startup = ProbeSpecs.exec("test", "-f", "started");
    startup.failureThreshold = 10;
    pod.spec().containers.get(0).startupProbe = startup;
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Running".equals(cluster.pods().phase("startup")));
    assertThat(cluster.pods().container("startup").started).isFalse();
    assertThat(cluster.pods().ready("startup")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("startup"));
    assertThat(cluster.pods().container("startup").started).isTrue();
    assertThat(cluster.pods().container("startup").restartCount).isZero();
  }

  @Test
  void startupProbeFailureRestartsTheContainer() {
    Pod pod = Pods.shell("never-starts", cluster.node().name(), "sleep 600");
    Probe startup = ProbeSpecs.exec("test", "-f", "never");
    startup.failureThreshold = 2;
    pod.spec().containers.get(0).startupProbe = startup;
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                cluster.pods().container("never-starts") != null
                    && cluster.pods().container("never-starts").restartCount >= 1);
    assertThat(cluster.pods().ready("never-starts")).isFalse();
  }

  private static boolean hasEvent(String pod, String reason, String message) {
    List<Event> events =
        Await.result(cluster.api().client().list(Event.class, "default", ListOptions.none())).items;
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
