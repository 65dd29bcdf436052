package dev.skiff.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A clustered Vert.x whose cluster manager owns this replica's Hazelcast member, and that member,
 * for building an {@link dev.skiff.server.store.HzStore}: {@code new HzStore(c.vertx(),
 * c.hazelcast())}.
 */
public record ClusteredVertx(Vertx vertx, HazelcastInstance hazelcast) {

  /** Starts the member and joins the cluster described by {@code config}. */
  public static Future<ClusteredVertx> start(Config config) {
    return start(new VertxOptions(), config);
  }

  /** The event bus listens on the member's address (loopback by default), not on every address. */
  public static Future<ClusteredVertx> start(VertxOptions options, Config config) {
    String memberHost = config.getProperty("hazelcast.local.localAddress");
    if (memberHost != null && options.getEventBusOptions().getHost() == null) {
      options.getEventBusOptions().setHost(memberHost);
    }
    var member =
        config
            .getAdvancedNetworkConfig()
            .getEndpointConfigs()
            .get(com.hazelcast.instance.EndpointQualifier.MEMBER);
    if (member instanceof com.hazelcast.config.ServerSocketEndpointConfig endpoint
        && endpoint.getPublicAddress() != null) {
      options.getEventBusOptions().setClusterPublicHost(endpoint.getPublicAddress());
    }
    HazelcastClusterManager manager = new HazelcastClusterManager(config);
    return Vertx.builder()
        .with(options)
        .withClusterManager(manager)
        .buildClustered()
        .map(vertx -> new ClusteredVertx(vertx, manager.getHazelcastInstance()));
  }

  /** Leaves the cluster (Vert.x shuts the Hazelcast member down). */
  public Future<Void> close() {
    return vertx.close();
  }
}
