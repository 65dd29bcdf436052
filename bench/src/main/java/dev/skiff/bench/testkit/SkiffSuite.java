package dev.skiff.bench.testkit;

import dev.skiff.bench.suite.CrudRoundTrip;
import dev.skiff.bench.suite.SuiteRunner;
import dev.skiff.testkit.SkiffCluster;
import dev.skiff.testkit.SkiffTest;
import dev.skiff.testkit.TestNamespace;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 30-class suite on the testkit: each class runs {@link CrudRoundTrip} with fabric8 in a {@link
 * TestNamespace}, on a cluster of its own or (with {@code -Dskiff.testkit.shared=true}) on the
 * run's shared cluster.
 */
public final class SkiffSuite {
  private SkiffSuite() {}

  /** One class of the suite. */
  @SkiffTest
  public abstract static class OnSkiff {
    @Test
    void createsAndReadsBack(SkiffCluster cluster, TestNamespace ns) throws IOException {
      Config config = Config.fromKubeconfig(Files.readString(cluster.kubeconfig()));
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        CrudRoundTrip.run(client, ns.name());
      }
    }
  }

  public static final class C01 extends OnSkiff {}

  public static final class C02 extends OnSkiff {}

  public static final class C03 extends OnSkiff {}

  public static final class C04 extends OnSkiff {}

  public static final class C05 extends OnSkiff {}

  public static final class C06 extends OnSkiff {}

  public static final class C07 extends OnSkiff {}

  public static final class C08 extends OnSkiff {}

  public static final class C09 extends OnSkiff {}

  public static final class C10 extends OnSkiff {}

  public static final class C11 extends OnSkiff {}

  public static final class C12 extends OnSkiff {}

  public static final class C13 extends OnSkiff {}

  public static final class C14 extends OnSkiff {}

  public static final class C15 extends OnSkiff {}

  public static final class C16 extends OnSkiff {}

  public static final class C17 extends OnSkiff {}

  public static final class C18 extends OnSkiff {}

  public static final class C19 extends OnSkiff {}

  public static final class C20 extends OnSkiff {}

  public static final class C21 extends OnSkiff {}

  public static final class C22 extends OnSkiff {}

  public static final class C23 extends OnSkiff {}

  public static final class C24 extends OnSkiff {}

  public static final class C25 extends OnSkiff {}

  public static final class C26 extends OnSkiff {}

  public static final class C27 extends OnSkiff {}

  public static final class C28 extends OnSkiff {}

  public static final class C29 extends OnSkiff {}

  public static final class C30 extends OnSkiff {}

  public static final List<Class<?>> CLASSES =
      SuiteRunner.classesOf(SkiffSuite.class, OnSkiff.class);
}
