package dev.skiff.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kubectl logs options through the api-server's pods/log proxy to the node agent. */
class ProcessLogsIT {
  @RegisterExtension static final AgentFixture cluster = new AgentFixture(13);

  @BeforeAll
  static void startCounter() {
    cluster
        .pods()
        .create(
            Pods.shell(
                "counter",
                cluster.node().name(),
                "for i in 1 2 3 4 5; do echo line-$i; done; sleep 600"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster.pods().ready("counter")
                    && cluster.pods().logs("counter", Map.of()).contains("line-5"));
  }

  @Test
  void returnsTheWholeLog() {
    assertThat(cluster.pods().logs("counter", Map.of()))
        .isEqualTo("line-1\nline-2\nline-3\nline-4\nline-5\n");
  }

  @Test
  void tailLinesKeepsTheLastLines() {
    assertThat(cluster.pods().logs("counter", Map.of("tailLines", "2")))
        .isEqualTo("line-4\nline-5\n");
  }

  @Test
  void limitBytesCutsTheOutput() {
    assertThat(cluster.pods().logs("counter", Map.of("limitBytes", "9"))).isEqualTo("line-1\nli");
  }

  @Test
  void timestampsPrefixEachLine() {
    String out = cluster.pods().logs("counter", Map.of("timestamps", "true", "tailLines", "1"));
    assertThat(out).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z line-5\n");
  }

  @Test
  void sinceSecondsKeepsRecentLinesOnly() {
    cluster
        .pods()
        .create(
            Pods.shell("since", cluster.node().name(), "echo old; sleep 3; echo new; sleep 600"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.pods().logs("since", Map.of()).contains("new"));
    assertThat(cluster.pods().logs("since", Map.of("sinceSeconds", "2"))).isEqualTo("new\n");
  }

  @Test
  void previousShowsTheTerminatedInstance() {
    cluster
        .pods()
        .create(
            Pods.shell(
                "restarts",
                cluster.node().name(),
                "n=$(cat n 2>/dev/null || echo 0); echo $((n+1)) > n; echo run-$n; [ $n -ge 1 ] && sleep 600; exit 1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster.pods().ready("restarts")
                    && cluster.pods().container("restarts").restartCount == 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(cluster.pods().logs("restarts", Map.of())).isEqualTo("run-1\n"));
    assertThat(cluster.pods().logs("restarts", Map.of("previous", "true"))).isEqualTo("run-0\n");
  }

  @Test
  void previousWithoutATerminatedInstanceIsABadRequest() {
    assertThatThrownBy(() -> cluster.pods().logs("counter", Map.of("previous", "true")))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void followStreamsNewLinesAndEndsWhenTheContainerExits() {
    Pod pod =
        Pods.shell(
            "follow",
            cluster.node().name(),
            "sleep 1; for i in 1 2 3 4; do echo tick-$i; sleep 0.3; done");
    pod.spec().restartPolicy = "Never";
    cluster.pods().create(pod);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Running".equals(cluster.pods().phase("follow")));

    ReadStream<Buffer> stream =
        Await.result(
            cluster
                .api()
                .client()
                .raw()
                .streamSubresource(
                    Resources.PODS, "default", "follow", "log", Map.of("follow", "true")));
    Buffer received = Buffer.buffer();
    Promise<Void> ended = Promise.promise();
    stream
        .handler(received::appendBuffer)
        .endHandler(v -> ended.complete())
        .exceptionHandler(ended::tryFail);
    stream.resume();

    Await.result(ended.future());
    assertThat(received.toString()).isEqualTo("tick-1\ntick-2\ntick-3\ntick-4\n");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "Succeeded".equals(cluster.pods().phase("follow")));
  }
}
