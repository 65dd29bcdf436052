package dev.skiff.server.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where an api-server replica's Hazelcast member listens and whom it joins.
 *
 * @param clusterName replicas with the same name form one cluster
 * @param host the address the member binds to and announces: 127.0.0.1 unless replicas run in
 *     containers with their own addresses
 * @param port the member's TCP port (no auto-increment: a clash fails the start)
 * @param members the other replicas, "127.0.0.1:5701" style; may include this one
 * @param partitionCount Hazelcast partitions; few are plenty for a small cluster
 * @param changeLogCapacity changes the ringbuffer keeps (each holds one object's JSON)
 * @param changeLogTtl how long a change stays in the ringbuffer at most (zero: until the capacity
 *     pushes it out), like the compaction of kube-apiserver's etcd every 5 minutes: under steady
 *     writes of large objects the capacity alone lets the log hold gigabytes
 * @param dataDir where a cluster of this one member keeps its store on disk (in {@code store/}), so
 *     it survives a restart; null = memory only (tests, clusters of several replicas)
 * @param publicAddress the address other members reach this one at, when it is not {@code host}
 *     (behind NAT, or bound to a wildcard address); null = {@code host}
 */
public record ClusterSettings(
    String clusterName,
    String host,
    int port,
    List<String> members,
    int partitionCount,
    int changeLogCapacity,
    Duration changeLogTtl,
    Path dataDir,
    String publicAddress) {

  public static final int DEFAULT_PORT = 5701;

  public ClusterSettings {
    members = List.copyOf(members);
  }

  /** A single replica named "skiff" on 127.0.0.1:5701. */
  public static ClusterSettings defaults() {
    return new ClusterSettings(
        "skiff",
        "127.0.0.1",
        DEFAULT_PORT,
        List.of("127.0.0.1:" + DEFAULT_PORT),
        71,
        100_000,
        Duration.ZERO,
        null,
        null);
  }

  public ClusterSettings withClusterName(String name) {
    return new ClusterSettings(
        name,
        host,
        port,
        members,
        partitionCount,
        changeLogCapacity,
        changeLogTtl,
        dataDir,
        publicAddress);
  }

  public ClusterSettings withHost(String address) {
    return new ClusterSettings(
        clusterName,
        address,
        port,
        members,
        partitionCount,
        changeLogCapacity,
        changeLogTtl,
        dataDir,
        publicAddress);
  }

  public ClusterSettings withPort(int memberPort) {
    return new ClusterSettings(
        clusterName,
        host,
        memberPort,
        members,
        partitionCount,
        changeLogCapacity,
        changeLogTtl,
        dataDir,
        publicAddress);
  }

  public ClusterSettings withMembers(List<String> addresses) {
    return new ClusterSettings(
        clusterName,
        host,
        port,
        addresses,
        partitionCount,
        changeLogCapacity,
        changeLogTtl,
        dataDir,
        publicAddress);
  }

  public ClusterSettings withChangeLogCapacity(int capacity) {
    return new ClusterSettings(
        clusterName,
        host,
        port,
        members,
        partitionCount,
        capacity,
        changeLogTtl,
        dataDir,
        publicAddress);
  }

  public ClusterSettings withChangeLogTtl(Duration ttl) {
    return new ClusterSettings(
        clusterName,
        host,
        port,
        members,
        partitionCount,
        changeLogCapacity,
        ttl,
        dataDir,
        publicAddress);
  }

  /** Persists the store in {@code dir} (a single-member cluster); null = memory only. */
  public ClusterSettings withDataDir(Path dir) {
    return new ClusterSettings(
        clusterName,
        host,
        port,
        members,
        partitionCount,
        changeLogCapacity,
        changeLogTtl,
        dir,
        publicAddress);
  }

  /** The address other members reach this one at; null = the bind address. */
  public ClusterSettings withPublicAddress(String address) {
    return new ClusterSettings(
        clusterName,
        host,
        port,
        members,
        partitionCount,
        changeLogCapacity,
        changeLogTtl,
        dataDir,
        address);
  }
}
