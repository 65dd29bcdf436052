package dev.skiff.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.network.LocalRoute;
import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Docker node agent that restarts adopts its containers; the service route lives with it. */
class DockerAdoptionE2E {
  @TempDir static Path dir;
  static TestApiServer api;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    Docker.requireEngineAndImages();
    api = TestApiServer.start();
    pods = new PodChecks(api);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  static NodeAgentOptions options(int index) {
    return TestNode.options(api, index, dir)
        .withDockerRuntime()
        .withServiceCidr("10.97." + index + ".0/24")
        .withClusterDns(List.of("10.97." + index + ".10"));
  }

  @Test
  void aRestartedAgentAdoptsRunningContainersAndKeepsTheirLogsWhole() {
    NodeAgentOptions options = options(43);
    Docker.removeNode(options.name(), options.docker().network());
    try (TestNode first = TestNode.start(options)) {
      pods.create(
          Pods.shell(
              "keeper",
              first.name(),
              "i=0; while true; do echo n=$i; i=$((i+1)); sleep 0.2; done"));
      await().atMost(Duration.ofSeconds(20)).until(() -> pods.ready("keeper"));
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> pods.logs("keeper", Map.of()).contains("n=3\n"));
    }
    String id = pods.container("keeper").containerID;
    assertThat(
            Docker.run("docker", "inspect", "-f", "{{.State.Running}}", id.substring(9))
                .output()
                .trim())
        .isEqualTo("true");

    try (TestNode second = TestNode.start(options)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> pods.logs("keeper", Map.of()).contains("n=30\n"));
      assertThat(pods.container("keeper").containerID).isEqualTo(id);
      assertThat(pods.container("keeper").restartCount).isZero();
      assertThat(pods.ready("keeper")).isTrue();
      List<String> lines = pods.logs("keeper", Map.of()).lines().toList();
      assertThat(lines).doesNotHaveDuplicates();
      assertThat(lines.subList(0, 31))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(0, 30).mapToObj(i -> "n=" + i).toList());
      Await.result(
          api.client()
              .delete(
                  Pod.class, "default", "keeper", DeleteOptions.none().withGracePeriodSeconds(1)));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Docker.run("docker", "inspect", id.substring(9)).code() != 0);
    } finally {
      Docker.removeNode(options.name(), options.docker().network());
    }
  }

  @Test
  void containersOfPodsDeletedWhileTheAgentWasDownAreRemoved() {
    NodeAgentOptions options = options(44);
    Docker.removeNode(options.name(), options.docker().network());
    try {
      String id;
      try (TestNode first = TestNode.start(options)) {
        pods.create(Pods.shell("orphan", first.name(), "sleep 600"));
        await().atMost(Duration.ofSeconds(20)).until(() -> pods.ready("orphan"));
        id = pods.container("orphan").containerID.substring(9);
      }
      Await.result(
          api.client()
              .delete(
                  Pod.class, "default", "orphan", DeleteOptions.none().withGracePeriodSeconds(0)));
      try (TestNode second = TestNode.start(options)) {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> Docker.run("docker", "inspect", id).code() != 0);
        assertThat(second.agent().runtime().podUids()).isEmpty();
      }
    } finally {
      Docker.removeNode(options.name(), options.docker().network());
    }
  }

  @Test
  void makesTheServiceRangeLocalWhileRunningAndRemovesItAtShutdown() {
    NodeAgentOptions options = options(45);
    Docker.removeNode(options.name(), options.docker().network());
    try (TestNode node = TestNode.start(options)) {
      assertThat(LocalRoute.exists("10.97.45.0/24")).isTrue();
      node.stopAgent();
      assertThat(LocalRoute.exists("10.97.45.0/24")).isFalse();
    } finally {
      Docker.removeNode(options.name(), options.docker().network());
    }
  }
}
