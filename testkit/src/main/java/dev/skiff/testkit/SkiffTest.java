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
}
