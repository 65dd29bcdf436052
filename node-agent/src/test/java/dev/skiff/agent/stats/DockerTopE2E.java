package dev.skiff.agent.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.Pods;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl top} with the Docker runtime: the node agent reads each container's CPU and memory
 * from the Engine's stats API.
 */
class DockerTopE2E {
  static final int INDEX = 43;

  /** Registered first, so it runs after the fixture has stopped the node. */
  @RegisterExtension
  @Order(1)
  static final AfterAllCallback removeContainers =
      context ->
          Docker.removeNode(agent().node().name(), agent().node().options().docker().network());

  @RegisterExtension
  @Order(2)
  static final AgentFixture agent =
      AgentFixture.withKubectl(
          INDEX,
          o ->
              o.withDockerRuntime()
                  .withServiceCidr("10.97." + INDEX + ".0/24")
                  .withClusterDns(List.of("10.97." + INDEX + ".10")));

  private static AgentFixture agent() {
    return agent;
  }

  @BeforeAll
  static void startABusyPod() {
    Docker.requireEngineAndImages();
    agent
        .pods()
        .create(
            Pods.shell(
                "spin",
                agent.node().name(),
                "while :; do i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; sleep 0.1; done"));
    await().atMost(Duration.ofSeconds(30)).until(() -> agent.pods().ready("spin"));
  }

  @Test
  void topPodContainersShowsTheContainersUsage() {
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () ->
                assertThat(agent.kubectl("top", "pod", "spin", "--containers"))
                    .containsPattern("spin\\s+main\\s+[1-9]\\d*m\\s+\\d+Mi"));
  }
}
