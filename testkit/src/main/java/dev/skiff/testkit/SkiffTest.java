package dev.skiff.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class one Skiff cluster, started before its first test and stopped after its last:
 * declare a {@link SkiffCluster} parameter on a test, lifecycle method or constructor, and a {@link
 * TestNamespace} parameter for a fresh namespace per test method.
 *
 * <pre>{@code
 * @SkiffTest(nodes = 2, manifests = "classpath:crds/widgets.yaml")
 * class CheckoutIT {
 *   @Test
 *   void answersThroughItsService(SkiffCluster cluster, TestNamespace ns) {
 *     ns.apply(Files.readString(Path.of("k8s/checkout.yaml")));
 *     cluster.awaitReadyEndpoints(ns.name(), "checkout", 2, Duration.ofSeconds(30));
 *     ...
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Inherited
@ExtendWith(SkiffExtension.class)
public @interface SkiffTest {
  /** The number of nodes. */
  int nodes() default 1;

  /**
   * Manifests applied once, before the first test, in order: {@code classpath:path/in/jar.yaml} or
   * a file path (relative to the working directory, the module's directory under Maven). A
   * CustomResourceDefinition among them is waited for until it is {@code Established}, so the tests
   * can create its custom resources at once.
   */
  String[] manifests() default {};

  /**
   * Whether the class runs on the test run's shared cluster instead of a cluster of its own: one
   * cluster per JVM and node count, started when the first such class needs it and stopped when the
   * run ends. The class's manifests are applied to it before the class's first test (kept after it:
   * they are the environment, applied again by the next class that names them); every namespace
   * created while the class runs ({@link TestNamespace}s and the class's own) is deleted, with
   * everything in it, after the class. Objects a class writes to namespaces that existed before it
   * ({@code default}, {@code kube-system}) or cluster-scoped objects it creates itself are not
   * removed: a class on the shared cluster should work in {@link TestNamespace}s. The system
   * property {@code skiff.testkit.shared=true} makes every {@code SkiffTest} class shared.
   */
  boolean shared() default false;
}
