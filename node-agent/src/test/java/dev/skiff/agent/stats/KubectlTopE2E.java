package dev.skiff.agent.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.Pod;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl top} reads metrics.k8s.io, which the api-server computes from what the node agent
 * measures in /proc for the process runtime: a pod that keeps a CPU busy shows CPU use, every pod
 * shows memory.
 */
class KubectlTopE2E {
  @RegisterExtension static final AgentFixture agent = AgentFixture.withKubectl(19);

  @BeforeAll
  static void startPods() {
    PodChecks pods = agent.pods();
    Pod busy =
        Pods.shell(
            "busy",
            agent.node().name(),
            "while :; do i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; sleep 0.1; done");
    busy.meta().labels = Map.of("load", "high");
    pods.create(busy);
    pods.create(Pods.shell("idle", agent.node().name(), "sleep 600"));
    await().atMost(Duration.ofSeconds(15)).until(() -> pods.ready("busy") && pods.ready("idle"));
  }

  @Test
  void topPodsShowsCpuAndMemoryOfEachPod() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String out = kubectl("top", "pods", "-A");
              assertThat(out)
                  .contains("NAMESPACE")
                  .contains("CPU(cores)")
                  .contains("MEMORY(bytes)");
              assertThat(millicores(out, "busy")).isGreaterThan(5);
              assertThat(out).containsPattern("idle\\s+\\d+m\\s+\\d+Mi");
            });
    assertThat(kubectl("top", "pods", "-l", "load=high")).contains("busy").doesNotContain("idle");
  }

  @Test
  void topPodContainersNamesTheContainer() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kubectl("top", "pod", "busy", "--containers"))
                    .containsPattern("busy\\s+main\\s+\\d+m\\s+\\d+Mi"));
  }

  @Test
  void topNodesShowsTheNode() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kubectl("top", "nodes"))
                    .containsPattern(
                        agent.node().name() + "\\s+\\d+m\\s+\\d+%\\s+\\d+Mi\\s+\\d+%"));
  }

  private static long millicores(String table, String pod) {
    Matcher m = Pattern.compile(pod + "\\s+(\\d+)m").matcher(table);
    assertThat(m.find()).as(table).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String kubectl(String... args) {
    return agent.kubectl(args);
  }
}
