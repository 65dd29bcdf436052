package dev.skiff.bench.mock;

import dev.skiff.bench.suite.SuiteRunner;
import dev.skiff.bench.suite.WatchRoundTrip;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/**
 * The peer side of bench/testkit/run.sh: the 30-class suite on fabric8's mock server (twice in one
 * JVM: the first run pays class loading, the second is warm), then the operator-style watch round
 * trip on a fresh CRUD-mode mock server per run ({@code -Druns=N}).
 */
public final class MockBench {
  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("runs", 5);
    for (int round = 1; round <= 2; round++) {
      SuiteRunner.Result result = SuiteRunner.run(MockSuite.CLASSES);
      System.out.println(result.summary("suite on the mock server, run " + round));
      result.failures().forEach(f -> System.out.println("  FAILED " + f));
    }
    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      // CRUD mode, as @EnableKubernetesMockClient(crud = true) makes it
      KubernetesMockServer server =
          new KubernetesMockServer(
              new Context(),
              new MockWebServer(),
              new HashMap<>(),
              new KubernetesCrudDispatcher(),
              false);
      server.init();
      try (KubernetesClient client = server.createClient()) {
        long started = (System.nanoTime() - t0) / 1_000_000;
        WatchRoundTrip.Times t = WatchRoundTrip.run(client, "test", false);
        System.out.printf(
            "operator round trip on the mock server, run %d: server started %d ms; CRD created %d"
                + " ms, create->ADDED %d ms, status->MODIFIED %d ms, delete->DELETED %d ms;"
                + " start to end %d ms%n",
            run, started, t.crd(), t.added(), t.statusModified(), t.deleted(), started + t.total());
      } finally {
        server.destroy();
      }
    }
    System.exit(0);
  }
}
