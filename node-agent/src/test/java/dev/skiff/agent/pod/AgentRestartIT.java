package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node agent that restarts picks its pods up again; pods deleted meanwhile leave nothing. */
class AgentRestartIT {
  @TempDir static Path dir;
  static TestApiServer api;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    api = TestApiServer.start();
    pods = new PodChecks(api);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void aRestartedAgentRunsItsPodsAgainWithTheSameIpAndOneMoreRestart() {
    NodeAgentOptions options = TestNode.options(api, 15, dir);
    String ip;
    try (TestNode node = TestNode.start(options)) {
      pods.create(Pods.shell("survivor", node.name(), "sleep 600"));
      await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("survivor"));
      ip = pods.get("survivor").status.podIP;
    }
    try (TestNode node = TestNode.start(options)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> pods.ready("survivor") && pods.container("survivor").restartCount == 1);
      assertThat(pods.get("survivor").status.podIP).isEqualTo(ip);
      assertThat(node.agent().runtime().podUids()).containsExactly(pods.get("survivor").meta().uid);
    }
  }

  @Test
  void podsDeletedWhileTheAgentWasDownAreNotStartedAgain() {
    NodeAgentOptions options = TestNode.options(api, 16, dir);
    try (TestNode node = TestNode.start(options)) {
      Pod pod = Pods.shell("doomed", node.name(), "sleep 600");
      pod.spec().terminationGracePeriodSeconds = 0L;
      pods.create(pod);
      await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("doomed"));
    }
    Await.result(
        api.client()
            .delete(
                Pod.class, "default", "doomed", DeleteOptions.none().withGracePeriodSeconds(0)));
    try (TestNode node = TestNode.start(options)) {
      assertThat(node.agent().runtime().podUids()).isEmpty();
    }
  }
}
