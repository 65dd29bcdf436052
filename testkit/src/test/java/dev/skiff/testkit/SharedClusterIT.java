package dev.skiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The shared cluster of a test run: two {@code @SkiffTest(shared = true)} classes, run by the JUnit
 * launcher as a build's test run does, get the same cluster; the namespaces the first creates (a
 * {@link TestNamespace} and one of its own) are deleted after it, before the second runs; the
 * cluster stops when the run ends.
 */
class SharedClusterIT {
  static final List<String> SERVERS = new CopyOnWriteArrayList<>();
  static final List<String> FIRST_NAMESPACES = new CopyOnWriteArrayList<>();

  @Test
  void twoClassesShareOneClusterAndEachClassesNamespacesGoAfterIt() {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(First.class), selectClass(Second.class))
                .configurationParameter(
                    "junit.jupiter.testclass.order.default",
                    ClassOrderer.OrderAnnotation.class.getName())
                .build(),
            summary);

    assertThat(summary.getSummary().getFailures())
        .as("failures of the inner run")
        .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .isEmpty();
    assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
    assertThat(SERVERS).hasSize(2);
    assertThat(SERVERS.get(1)).as("the second class's cluster").isEqualTo(SERVERS.get(0));

    // the run is over: its shared cluster is stopped
    URI server = URI.create(SERVERS.get(0));
    assertThat(connects(server.getHost(), server.getPort())).isFalse();
  }

  private static boolean connects(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @SkiffTest(shared = true)
  @Order(1)
  static class First {
    @Test
    void writesInANamespaceOfItsTestAndOneOfItsOwn(SkiffCluster cluster, TestNamespace ns) {
      SERVERS.add(cluster.server());
      String own = cluster.createNamespace("own");
      FIRST_NAMESPACES.addAll(List.of(ns.name(), own));
      for (String namespace : FIRST_NAMESPACES) {
        ConfigMap cm = new ConfigMap();
        cm.meta().name = "state";
        cm.meta().namespace = namespace;
        cm.data = Map.of("written-by", "first");
        Await.result(cluster.client().create(cm));
      }
    }
  }

  @SkiffTest(shared = true)
  @Order(2)
  static class Second {
    @Test
    void findsTheFirstClassesNamespacesGoneOrGoing(SkiffCluster cluster) {
      SERVERS.add(cluster.server());
      assertThat(FIRST_NAMESPACES).hasSize(2);
      List<Namespace> namespaces =
          Await.result(cluster.client().list(Namespace.class, null, ListOptions.none())).items;
      for (Namespace ns : namespaces) {
        if (FIRST_NAMESPACES.contains(ns.meta().name)) {
          assertThat(ns.meta().deletionTimestamp)
              .as("namespace %s of the first class", ns.meta().name)
              .isNotNull();
        }
      }
    }
  }
}
