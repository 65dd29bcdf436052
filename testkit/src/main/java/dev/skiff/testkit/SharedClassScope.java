package dev.skiff.testkit;

import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * One test class's time on the shared cluster: entering it records the namespaces that exist and
 * applies the class's manifests; closing it (after the class) deletes every namespace created
 * since, with everything in it, without waiting for them to go.
 */
final class SharedClassScope implements AutoCloseable {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final SkiffCluster cluster;
  private final Set<String> before;

  private SharedClassScope(SkiffCluster cluster, Set<String> before) {
    this.cluster = cluster;
    this.before = before;
  }

  static SharedClassScope enter(SkiffCluster cluster, Class<?> testClass, String[] manifests) {
    SharedClassScope scope = new SharedClassScope(cluster, namespaces(cluster));
    SkiffExtension.install(cluster, testClass, manifests);
    return scope;
  }

  SkiffCluster cluster() {
    return cluster;
  }

  /** The namespaces created while the class ran (those it deletes). */
  Set<String> created() {
    Set<String> now = namespaces(cluster);
    now.removeAll(before);
    return now;
  }

  @Override
  public void close() {
    created().forEach(cluster::deleteNamespace);
  }

  private static Set<String> namespaces(SkiffCluster cluster) {
    Set<String> names = new HashSet<>();
    for (Namespace ns :
        Await.result(cluster.client().list(Namespace.class, null, ListOptions.none()), CALL_TIMEOUT)
            .items) {
      names.add(ns.meta().name);
    }
    return names;
  }
}
