package dev.skiff.server.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.persist.StorePersistence;

/**
 * The Hazelcast configuration of an api-server replica: TCP/IP join with a fixed member list on one
 * address (loopback by default), a member endpoint only (no client protocol), no multicast, no
 * phone-home, slf4j logging, small footprint, and one synchronous backup of every structure the
 * store and Vert.x use, so an acknowledged write survives the loss of any one replica. With {@link
 * ClusterSettings#dataDir()} set (one member only), the store also persists on local disk across
 * restarts: see {@link StorePersistence}.
 */
public final class HazelcastConfigs {
  private HazelcastConfigs() {}

  public static Config replica(ClusterSettings settings) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // No "[address] [cluster name] [version]" prefix on every log line: the name is the secret
    // that admits a member (the "Cluster name:" start-up line is silenced in
    // simplelogger.properties)
    config.setProperty("hazelcast.logging.details.enabled", "false");
    config.setProperty("hazelcast.partition.count", Integer.toString(settings.partitionCount()));
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.local.localAddress", settings.host());
    if (settings.host().contains(":")) {
      config.setProperty("hazelcast.prefer.ipv4.stack", "false");
    }
    config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
    config.getMetricsConfig().setEnabled(false);
    config.getJetConfig().setEnabled(false);
    network(config.getAdvancedNetworkConfig(), settings);
    config.addMapConfig(synced(new MapConfig(HzStore.OBJECTS_MAP)));
    config.addRingBufferConfig(
        new RingbufferConfig(HzStore.CHANGE_LOG)
            .setCapacity(settings.changeLogCapacity())
            .setBackupCount(1)
            .setAsyncBackupCount(0)
            .setTimeToLiveSeconds((int) settings.changeLogTtl().toSeconds())
            .setInMemoryFormat(InMemoryFormat.BINARY));
    // The structures vertx-hazelcast's default-cluster.xml declares.
    config.addMultiMapConfig(
        new MultiMapConfig("__vertx.subs")
            .setBackupCount(1)
            .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(synced(new MapConfig("__vertx.haInfo")));
    config.addMapConfig(synced(new MapConfig("__vertx.nodeInfo")));
    if (settings.dataDir() != null) {
      StorePersistence.attach(config, settings.dataDir());
    }
    return config;
  }

  /**
   * One endpoint, for members: with the advanced network configuration Hazelcast opens no client,
   * REST or memcache endpoint, so a Hazelcast client that knows the address and the cluster name is
   * refused (the open-source edition has no member authentication: see docs/security.md).
   */
  private static void network(AdvancedNetworkConfig network, ClusterSettings settings) {
    ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
    member.setPort(settings.port()).setPortAutoIncrement(false);
    member.getInterfaces().setEnabled(true).addInterface(settings.host());
    if (settings.publicAddress() != null) {
      member.setPublicAddress(settings.publicAddress());
    }
    network.setEnabled(true).setMemberEndpointConfig(member);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
  }

  /**
   * Makes a replica's store safe across machines ({@code skiff server}): two synchronous backups of
   * the objects and the change log (with three replicas every one holds everything, so losing any
   * one, also while partitions migrate after a member joined, loses nothing), a write whose backups
   * did not confirm in time or whose partition owner left fails instead of being acknowledged
   * (Hazelcast would otherwise complete it, or retry it and log a change twice), writes refused by
   * a member that sees no majority ({@link ReplicaQuorum}), and after a split heals the smaller
   * side's data discarded (never merged: its writes were refused, so none was acknowledged), the
   * merge tried every few seconds instead of after minutes.
   */
  public static Config majorityWrites(Config config, ReplicaQuorum quorum) {
    config.setProperty("hazelcast.operation.fail.on.indeterminate.state", "true");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.addSplitBrainProtectionConfig(
        new SplitBrainProtectionConfig(ReplicaQuorum.NAME, true)
            .setProtectOn(SplitBrainProtectionOn.WRITE)
            .setFunctionImplementation(quorum));
    MergePolicyConfig discard =
        new MergePolicyConfig().setPolicy(DiscardMergePolicy.class.getName());
    config
        .getMapConfig(HzStore.OBJECTS_MAP)
        .setBackupCount(2)
        .setSplitBrainProtectionName(ReplicaQuorum.NAME)
        .setMergePolicyConfig(discard);
    config
        .getRingbufferConfig(HzStore.CHANGE_LOG)
        .setBackupCount(2)
        .setSplitBrainProtectionName(ReplicaQuorum.NAME)
        .setMergePolicyConfig(discard);
    // Service allocations (skiff.alloc.*): the smaller side's claims are dropped too
    config.addMapConfig(synced(new MapConfig("skiff.alloc.*")).setMergePolicyConfig(discard));
    return config;
  }

  private static MapConfig synced(MapConfig map) {
    return map.setBackupCount(1).setAsyncBackupCount(0).setInMemoryFormat(InMemoryFormat.BINARY);
  }
}
