package dev.skiff.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionFunction;
import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write quorum of a replicated store: a member accepts writes only while it sees a strict
 * majority of the most replicas the cluster has had (etcd's rule, with the membership learned
 * rather than configured). A replica cut off from the other two of three sees one member out of
 * three and refuses; the two see two and go on. Two replicas need both (like two etcd members):
 * neither side of a split between two can tell a dead peer from an unreachable one.
 *
 * <p>The count is kept in {@code file} (0600) as it grows, so a replica restarted alone, or cut off
 * while it starts, does not take itself for a whole cluster of one. To shrink the cluster for good
 * (a replica removed), stop the replicas and delete the file on the ones that stay.
 */
public final class ReplicaQuorum implements SplitBrainProtectionFunction {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaQuorum.class);

  /** The name of the split-brain protection the store's structures use. */
  public static final String NAME = "skiff-majority";

  /** The file in a server's data directory that keeps the count. */
  public static final String FILE = "replicas";

  private final Path file;
  private int replicas;

  private ReplicaQuorum(Path file, int replicas) {
    this.file = file;
    this.replicas = replicas;
  }

  /** The quorum whose count is kept in {@code file} (one replica when there is none). Blocking. */
  public static ReplicaQuorum keptIn(Path file) {
    int known = 1;
    try {
      if (file != null && Files.exists(file)) {
        known = Math.max(1, Integer.parseInt(Files.readString(file).strip()));
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("cannot read the replica count in {}: {}; counting from 1", file, e.toString());
    }
    return new ReplicaQuorum(file, known);
  }

  /** The most replicas this cluster has had, as far as this member knows. */
  public synchronized int replicas() {
    return replicas;
  }

  /** How many members a side needs to write: a strict majority of {@link #replicas()}. */
  public synchronized int majority() {
    return replicas / 2 + 1;
  }

  @Override
  public synchronized boolean apply(Collection<Member> members) {
    if (members.size() > replicas) {
      replicas = members.size();
      save();
    }
    return members.size() >= replicas / 2 + 1;
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      PrivateFiles.writeString(file, replicas + "\n");
    } catch (IOException e) {
      LOG.error("cannot keep the replica count {} in {}: {}", replicas, file, e.toString());
    }
  }
}
