package dev.skiff.cli.embedded;

import dev.skiff.agent.access.AgentAccess;
import dev.skiff.server.auth.ServingCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The cluster's credential for node agents: an agent-access token made when the cluster is created
 * ({@code data/agent-token}, mode 0600; not the admin token, never logged), which only the API
 * server presents, and each agent's TLS serving certificate. Blocking.
 */
public final class AgentCredentials {
  private AgentCredentials() {}

  /** The cluster's agent-access token, created on first use. */
  public static String token(Path dataDir) throws IOException {
    return secretFile(dataDir.resolve("agent-token"), 32);
  }

  /**
   * The secret kept in {@code file} or, the first time, {@code bytes} random bytes as hex, written
   * there mode 0600 (created with that mode, then moved into place).
   */
  public static String secretFile(Path file, int bytes) throws IOException {
    if (Files.exists(file)) {
      return AgentAccess.readToken(file);
    }
    Path dir = file.toAbsolutePath().getParent();
    dev.skiff.api.files.PrivateFiles.createDirectories(dir);
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Path partial = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(partial);
    Files.createFile(
        partial,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(partial, token);
    Files.move(partial, file);
    return token;
  }

  /** A node agent's access: the token and a serving certificate for its address. */
  public static AgentAccess forNode(String token, String nodeName, String address) {
    ServingCertificate cert =
        ServingCertificate.generate(
            "skiff-node-agent " + nodeName, List.of(address, nodeName, "127.0.0.1"));
    return new AgentAccess(token, cert.certificatePem(), cert.privateKeyPem());
  }
}
