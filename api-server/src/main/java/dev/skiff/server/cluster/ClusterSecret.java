package dev.skiff.server.cluster;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The Hazelcast cluster name of a local cluster, which is what admits a member (the open-source
 * edition has no other member authentication): 128 random bits, made once per cluster and kept in
 * {@code DATA_DIR/cluster-name} (0600). It is never logged and never put on a command line.
 */
public final class ClusterSecret {
  static final String FILE = "cluster-name";

  private ClusterSecret() {}

  /** The cluster name kept in {@code dataDir}, made and saved first if there is none. Blocking. */
  public static String of(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      String kept = Files.readString(file).trim();
      if (!kept.isEmpty()) {
        return kept;
      }
    }
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String name = "skiff-" + HexFormat.of().formatHex(random);
    PrivateFiles.createDirectories(dataDir);
    PrivateFiles.writeString(file, name);
    return name;
  }
}
