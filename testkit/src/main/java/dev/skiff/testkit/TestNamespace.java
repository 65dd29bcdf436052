package dev.skiff.testkit;

/**
 * A namespace of its own for one test method: declare a {@code TestNamespace} parameter on a test
 * (or a {@code @BeforeEach} method) of a {@link SkiffTest} class and the extension creates a fresh
 * namespace (named after the method, with a random suffix, its {@code default} ServiceAccount in
 * place) before the method and deletes it, with everything in it, after. Tests of one class then
 * share the cluster without seeing each other's objects.
 */
public final class TestNamespace implements AutoCloseable {
  private final SkiffCluster cluster;
  private final String name;

  TestNamespace(SkiffCluster cluster, String name) {
    this.cluster = cluster;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** {@link SkiffCluster#applyIn}: applies a manifest, its objects defaulting to this namespace. */
  public java.util.List<String> apply(String manifest) {
    return cluster.applyIn(name, manifest);
  }

  @Override
  public void close() {
    cluster.deleteNamespace(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
