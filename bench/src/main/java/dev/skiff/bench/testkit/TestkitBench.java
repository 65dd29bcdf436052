package dev.skiff.bench.testkit;

import dev.skiff.bench.suite.SuiteRunner;
import dev.skiff.bench.suite.WatchRoundTrip;
import dev.skiff.testkit.SkiffCluster;
import dev.skiff.testkit.SkiffExtension;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;

/**
 * What a test class waits for on the testkit, in one JVM: {@code -Dstarts=N} cluster starts in a
 * row (the first pays class loading and JIT warm-up, the others are a warm JVM's), each with its
 * phases; the 30-class suite with a cluster per class and on the shared cluster; then the
 * operator-style watch round trip ({@code -Druns=N}) on a fresh cluster each time. The mock
 * server's side runs in its own JVM: dev.skiff.bench.mock.MockBench.
 */
public final class TestkitBench {
  public static void main(String[] args) throws Exception {
    int starts = Integer.getInteger("starts", 6);
    int runs = Integer.getInteger("runs", 5);
    for (int run = 1; run <= starts; run++) {
      long t0 = System.nanoTime();
      SkiffCluster cluster = SkiffCluster.start(1);
      long started = ms(t0);
      long t1 = System.nanoTime();
      cluster.close();
      System.out.printf(
          "cluster start %d: %d ms (stop %d ms); %s%n",
          run, started, ms(t1), String.join(", ", cluster.startSteps()));
    }

    report(SuiteRunner.run(SkiffSuite.CLASSES), "suite, a testkit cluster per class");
    System.setProperty(SkiffExtension.SHARED_PROPERTY, "true");
    report(SuiteRunner.run(SkiffSuite.CLASSES), "suite on the testkit's shared cluster");
    System.clearProperty(SkiffExtension.SHARED_PROPERTY);

    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      try (SkiffCluster cluster = SkiffCluster.start(1)) {
        long started = ms(t0);
        String ns = cluster.createNamespace("operator");
        Config config = Config.fromKubeconfig(Files.readString(cluster.kubeconfig()));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
          WatchRoundTrip.Times t = WatchRoundTrip.run(client, ns, true);
          System.out.printf(
              "operator round trip on the testkit, run %d: cluster started %d ms; CRD Established"
                  + " %d ms, create->ADDED %d ms, status->MODIFIED %d ms, delete->DELETED %d ms;"
                  + " start to end %d ms%n",
              run, started, t.crd(), t.added(), t.statusModified(), t.deleted(), ms(t0));
        }
      }
    }
    System.exit(0);
  }

  private static void report(SuiteRunner.Result result, String label) {
    System.out.println(result.summary(label));
    result.failures().forEach(f -> System.out.println("  FAILED " + f));
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
