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
final class AgentCredentials {
  private AgentCredentials() {}

  /** The cluster's agent-access token, created on first use. */
  static String token(Path dataDir) throws IOException {
    Path file = dataDir.resolve("agent-token");
    if (Files.exists(file)) {
      return AgentAccess.readToken(file);
    }
    Files.createDirectories(dataDir);
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Path partial = dataDir.resolve("agent-token.tmp");
    Files.deleteIfExists(partial);
    Files.createFile(
        partial,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(partial, token);
    Files.move(partial, file);
    return token;
  }

  /** A node agent's access: the token and a serving certificate for its address. */
  static AgentAccess forNode(String token, String nodeName, String address) {
    ServingCertificate cert =
        ServingCertificate.generate(
            "skiff-node-agent " + nodeName, List.of(address, nodeName, "127.0.0.1"));
    return new AgentAccess(token, cert.certificatePem(), cert.privateKeyPem());
  }
}
