package dev.skiff.bench.operator;

import dev.skiff.operator.webpage.WebPage;
import dev.skiff.operator.webpage.WebPageOperator;
import dev.skiff.operator.webpage.WebPageSpec;
import dev.skiff.testkit.SkiffCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.time.Duration;

/**
 * An operator test's fixed cost on Skiff: from the start of a testkit cluster (what a {@code
 * SkiffTest} class does before its first test) to its CustomResourceDefinition {@code Established}
 * and to the java-operator-sdk operator's first reconcile (the WebPage's first status write), with
 * the WebPage operator of testkit-operator-e2e. One JVM; {@code -Druns=N} clusters one after the
 * other (the first pays class loading and JIT warm-up, as a test class in a fresh fork does).
 */
public final class OperatorStartBench {
  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("runs", 3);
    // fabric8 7 opens a watch as a WebSocket first; Skiff answers 503 and fabric8 7.5.2 retries the
    // handshake with back-off (~20 s) before its HTTP watch: measured both ways
    for (boolean onlyHttpWatches : new boolean[] {false, true})
      for (int run = 1; run <= runs; run++) {
        long t0 = System.nanoTime();
        try (SkiffCluster cluster = SkiffCluster.start(1)) {
          long started = System.nanoTime();
          Config config = Config.fromKubeconfig(Files.readString(cluster.kubeconfig()));
          config.setOnlyHttpWatches(onlyHttpWatches);
          try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            WebPageOperator.registerCrd(client, Duration.ofSeconds(30));
            long established = System.nanoTime();
            try (WebPageOperator operator = WebPageOperator.start(client, "default")) {
              long operatorStarted = System.nanoTime();
              WebPage page = new WebPage();
              page.getMetadata().setName("hello");
              page.getMetadata().setNamespace("default");
              WebPageSpec spec = new WebPageSpec();
              spec.setHtml("<h1>hello</h1>");
              page.setSpec(spec);
              client.resource(page).create();
              client
                  .resources(WebPage.class)
                  .inNamespace("default")
                  .withName("hello")
                  .waitUntilCondition(
                      p -> p != null && p.getStatus() != null,
                      60,
                      java.util.concurrent.TimeUnit.SECONDS);
              long reconciled = System.nanoTime();
              System.out.printf(
                  "%s run %d: cluster ready %d ms, CRD Established %d ms, operator started %d ms,"
                      + " first reconcile (status written) %d ms (%d ms after the WebPage's create)%n",
                  onlyHttpWatches ? "onlyHttpWatches" : "fabric8 default",
                  run,
                  ms(started - t0),
                  ms(established - t0),
                  ms(operatorStarted - t0),
                  ms(reconciled - t0),
                  ms(reconciled - operatorStarted));
            }
          }
        }
      }
    System.exit(0);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
