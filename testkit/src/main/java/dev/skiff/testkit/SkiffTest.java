package dev.skiff.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class one Skiff cluster, started before its first test and stopped after its last:
 * declare a {@link SkiffCluster} parameter on a test, lifecycle method or constructor.
 *
 * <pre>{@code
 * @SkiffTest(nodes = 2)
 * class CheckoutIT {
 *   @Test
 *   void answersThroughItsService(SkiffCluster cluster) {
 *     cluster.apply(Path.of("k8s/checkout.yaml"));
 *     cluster.awaitReadyEndpoints("default", "checkout", 2, Duration.ofSeconds(30));
 *     InetSocketAddress address = cluster.serviceAddress("default", "checkout", 80);
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
}
