package dev.skiff.server.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.store.Store;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Api-server replicas in the test JVM, each a Hazelcast member + HzStore + ApiServerVerticle on an
 * ephemeral loopback port, all in one fresh cluster.
 */
public final class TestApiServers implements AutoCloseable {
  public static final String TOKEN = "test-token-" + UUID.randomUUID();

  /** One replica. */
  public record Replica(
      HazelcastInstance hazelcast, Vertx vertx, HzStore store, ApiServerVerticle server) {
    public String url() {
      return server.url();
    }
  }

  private final List<Replica> replicas = new ArrayList<>();

  public static TestApiServers start(int count) {
    return start(count, o -> o);
  }

  public static TestApiServers start(int count, UnaryOperator<ApiServerOptions> tune) {
    return start(count, HzStoreOptions.defaults(), tune);
  }

  public static TestApiServers start(
      int count, HzStoreOptions storeOptions, UnaryOperator<ApiServerOptions> tune) {
    return start(count, storeOptions, tune, store -> store);
  }

  /** As above; {@code decorate} wraps each replica's store before the server uses it. */
  public static TestApiServers start(
      int count,
      HzStoreOptions storeOptions,
      UnaryOperator<ApiServerOptions> tune,
      Function<HzStore, Store> decorate) {
    return start(count, cluster -> cluster, storeOptions, tune, decorate);
  }

  /** {@code cluster} adjusts each replica's settings (for example a data directory). */
  public static TestApiServers start(
      int count,
      UnaryOperator<ClusterSettings> cluster,
      HzStoreOptions storeOptions,
      UnaryOperator<ApiServerOptions> tune) {
    return start(count, cluster, storeOptions, tune, store -> store);
  }

  private static TestApiServers start(
      int count,
      UnaryOperator<ClusterSettings> cluster,
      HzStoreOptions storeOptions,
      UnaryOperator<ApiServerOptions> tune,
      Function<HzStore, Store> decorate) {
    TestApiServers servers = new TestApiServers();
    TestMembers members =
        TestMembers.cluster("http-test", s -> cluster.apply(s.withChangeLogCapacity(20_000)));
    try {
      for (int i = 0; i < count; i++) {
        HazelcastInstance hz = members.start();
        Vertx vertx = Vertx.vertx();
        HzStore store = new HzStore(vertx, hz, storeOptions);
        ApiServerVerticle server =
            new ApiServerVerticle(
                decorate.apply(store), tune.apply(ApiServerOptions.defaults(TOKEN).withPort(0)));
        servers.replicas.add(new Replica(hz, vertx, store, server));
        Await.result(store.ready().compose(v -> vertx.deployVerticle(server)));
      }
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  public Replica replica(int index) {
    return replicas.get(index);
  }

  public String url(int index) {
    return replicas.get(index).url();
  }

  public int size() {
    return replicas.size();
  }

  /** Writes a kubeconfig pointing at replica {@code index}. */
  public Path kubeconfig(Path file, int index) {
    try {
      KubeconfigFile.write(
          file, url(index), TOKEN, replicas.get(index).server().options().certificate(), "skiff");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (Replica r : replicas) {
      TestMembers.terminate(r.store(), r.vertx(), r.hazelcast());
    }
    replicas.clear();
  }
}
