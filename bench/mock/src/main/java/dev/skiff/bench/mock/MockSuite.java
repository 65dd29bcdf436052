package dev.skiff.bench.mock;

import dev.skiff.bench.suite.CrudRoundTrip;
import dev.skiff.bench.suite.SuiteRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 30-class suite on fabric8's mock server in CRUD mode: each class gets a mock server of its
 * own (fabric8's extension starts one per class) and runs {@link CrudRoundTrip}.
 */
public final class MockSuite {
  private MockSuite() {}

  /** One class of the suite: the extension sets {@link #client} before the class's test. */
  @EnableKubernetesMockClient(crud = true)
  public abstract static class OnMock {
    static KubernetesClient client;

    @Test
    void createsAndReadsBack() {
      CrudRoundTrip.run(client, "test");
    }
  }

  public static final class C01 extends OnMock {}

  public static final class C02 extends OnMock {}

  public static final class C03 extends OnMock {}

  public static final class C04 extends OnMock {}

  public static final class C05 extends OnMock {}

  public static final class C06 extends OnMock {}

  public static final class C07 extends OnMock {}

  public static final class C08 extends OnMock {}

  public static final class C09 extends OnMock {}

  public static final class C10 extends OnMock {}

  public static final class C11 extends OnMock {}

  public static final class C12 extends OnMock {}

  public static final class C13 extends OnMock {}

  public static final class C14 extends OnMock {}

  public static final class C15 extends OnMock {}

  public static final class C16 extends OnMock {}

  public static final class C17 extends OnMock {}

  public static final class C18 extends OnMock {}

  public static final class C19 extends OnMock {}

  public static final class C20 extends OnMock {}

  public static final class C21 extends OnMock {}

  public static final class C22 extends OnMock {}

  public static final class C23 extends OnMock {}

  public static final class C24 extends OnMock {}

  public static final class C25 extends OnMock {}

  public static final class C26 extends OnMock {}

  public static final class C27 extends OnMock {}

  public static final class C28 extends OnMock {}

  public static final class C29 extends OnMock {}

  public static final class C30 extends OnMock {}


  public static final List<Class<?>> CLASSES = SuiteRunner.classesOf(MockSuite.class, OnMock.class);
}
