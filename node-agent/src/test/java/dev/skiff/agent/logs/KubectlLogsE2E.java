package dev.skiff.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.testing.TestApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl reads logs through the api-server from a node agent (over TLS). */
class KubectlLogsE2E {
  @TempDir static Path dir;
  static Path kubeconfig;
  static TestApiServer api;
  static TestNode node;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    kubeconfig = dir.resolve("kubeconfig");
    api = TestApiServer.start(kubeconfig);
    node = TestNode.start(TestNode.options(api, 17, dir).withKubeconfig(kubeconfig));
    pods = new PodChecks(api);
    Pod pod =
        Pods.shell(
            "chatty",
            node.name(),
            "for i in 1 2 3 4; do echo out-$i; done; sleep 1; echo err-1 >&2; sleep 600");
    Container side = new Container();
    side.name = "side";
    side.image = "skiff/busybox:1";
    side.command = List.of("sh", "-c", "echo from-side; sleep 600");
    pod.spec().containers.add(side);
    pods.create(pod);
    await().atMost(Duration.ofSeconds(15)).until(() -> pods.ready("chatty"));
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
  void logsOfAContainerWithTailAndSince() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(kubectl("logs", "chatty", "-c", "main"))
                    .isEqualTo("out-1\nout-2\nout-3\nout-4\nerr-1\n"));
    assertThat(kubectl("logs", "chatty", "-c", "main", "--tail", "2")).isEqualTo("out-4\nerr-1\n");
    assertThat(kubectl("logs", "chatty", "-c", "side")).isEqualTo("from-side\n");
    assertThat(kubectl("logs", "chatty", "-c", "main", "--since", "1h")).startsWith("out-1\n");
  }

  @Test
  void previousAndFollow() {
    Pod pod =
        Pods.shell(
            "once",
            node.name(),
            "n=$(cat n 2>/dev/null || echo 0); echo $((n+1)) > n; echo run-$n; sleep 0.5; [ $n -ge 1 ] && exit 0; exit 1");
    pod.spec().restartPolicy = "OnFailure";
    pods.create(pod);
    await().atMost(Duration.ofSeconds(15)).until(() -> "Succeeded".equals(pods.phase("once")));

    assertThat(kubectl("logs", "once", "--previous")).isEqualTo("run-0\n");
    assertThat(kubectl("logs", "once", "-f")).isEqualTo("run-1\n");
  }

  private static String kubectl(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                dir.resolve("kube-cache").toString()));
    command.addAll(List.of(args));
    Docker.Result r = Docker.run(command.toArray(String[]::new));
    assertThat(r.code()).as("kubectl %s: %s", String.join(" ", args), r.output()).isZero();
    return r.output();
  }
}
