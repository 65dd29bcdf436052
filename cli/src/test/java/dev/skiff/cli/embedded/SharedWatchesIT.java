package dev.skiff.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.cli.ReadyInfo;
import dev.skiff.testing.Await;
import dev.skiff.testing.Kubectl;
import dev.skiff.testing.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded cluster's components (controllers, two node agents with their proxies and DNS
 * servers, the LoadBalancer role) share one watch per kind against the API server, as its {@code
 * /metrics} counts them: not one per component and node, each holding a copy of every object. Only
 * each node's own pods come through a watch of its own (a field selector, as a kubelet's).
 */
class SharedWatchesIT {
  private static final int NODES = 2;
  @TempDir static Path dir;
  private static EmbeddedCluster cluster;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster =
        new EmbeddedCluster(new EmbeddedOptions("watches", dir.resolve("c"), NODES, "process"));
    ReadyInfo info = Await.result(cluster.start(), Duration.ofSeconds(120));
    kubectl = Kubectl.in(dir.resolve("kubectl"), Path.of(info.kubeconfig()));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      Await.quietly(cluster.stop(), Duration.ofSeconds(30));
    }
  }

  @Test
  void everyKindIsWatchedOnceByTheWholeCluster() {
    Map<String, Long> watches = openWatches();
    for (String kind :
        new String[] {"services", "endpointslices", "nodes", "configmaps", "secrets"}) {
      assertThat(watches).as("watches of %s in %s", kind, watches).containsEntry(kind, 1L);
    }
    // the controllers' watch of all pods, and each node's of its own
    assertThat(watches).containsEntry("pods", 1L + NODES);
  }

  /** Open watches by resource, from apiserver_longrunning_requests{verb="WATCH"}. */
  private static Map<String, Long> openWatches() {
    ProcessResult metrics = kubectl.run("get", "--raw", "/metrics");
    assertThat(metrics.ok()).as(metrics.all()).isTrue();
    Map<String, Long> open = new TreeMap<>();
    Matcher m =
        Pattern.compile(
                "(?m)^apiserver_longrunning_requests\\{[^}]*resource=\"([^\"]+)\"[^}]*\\} (\\d+)$")
            .matcher(metrics.stdout());
    while (m.find()) {
      open.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
    }
    return open;
  }
}
