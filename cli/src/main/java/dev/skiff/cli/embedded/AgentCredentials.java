package dev.skiff.cli.embedded;

import dev.skiff.agent.access.AgentAccess;
import dev.skiff.api.files.PrivateFiles;
import dev.skiff.server.auth.ServingCertificate;
import dev.skiff.server.stream.NodeAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The cluster's credentials between API servers and node agents, made when the cluster is created
 * and kept in its data directory (mode 0600; never logged): the agent-access token, which only the
 * API server presents ({@code data/agent-token}; not the admin token), and the agent CA ({@code
 * data/agent-ca.crt}, {@code data/agent-ca.key}), which signs each agent's TLS serving certificate
 * and which the API server trusts alone when it dials an agent (as kube-apiserver's {@code
 * --kubelet-certificate-authority}). Blocking.
 *
 * @param token the agent-access token
 * @param authority the agent CA
 */
public record AgentCredentials(String token, ServingCertificate authority) {

  /** The cluster's credentials, created on first use. */
  public static AgentCredentials load(Path dataDir) throws IOException {
    PrivateFiles.createDirectories(dataDir);
    return new AgentCredentials(token(dataDir), authority(dataDir));
  }

  private static String token(Path dataDir) throws IOException {
    return secretFile(dataDir.resolve("agent-token"), 32);
  }

  /**
   * The secret kept in {@code file} or, the first time, {@code bytes} random bytes as hex, written
   * there mode 0600 (the admin token, the agent-access token).
   */
  public static String secretFile(Path file, int bytes) throws IOException {
    if (Files.exists(file)) {
      return AgentAccess.readToken(file);
    }
    PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    PrivateFiles.writeString(file, token);
    return token;
  }

  private static ServingCertificate authority(Path dataDir) throws IOException {
    Path cert = dataDir.resolve("agent-ca.crt");
    Path key = dataDir.resolve("agent-ca.key");
    if (Files.exists(cert) && Files.exists(key)) {
      return new ServingCertificate(Files.readString(cert), Files.readString(key));
    }
    ServingCertificate authority = ServingCertificate.authority("skiff-node-agent-ca");
    PrivateFiles.writeString(key, authority.privateKeyPem());
    PrivateFiles.writeString(cert, authority.certificatePem());
    return authority;
  }

  /** What API servers present to agents and how they verify them. */
  public NodeAccess nodeAccess() {
    return new NodeAccess(token, authority.certificatePem());
  }

  /** A node agent's access: the token and a serving certificate for its address, from the CA. */
  public AgentAccess forNode(String nodeName, String address) {
    ServingCertificate cert =
        authority.issue("skiff-node-agent " + nodeName, List.of(address, nodeName, "127.0.0.1"));
    return new AgentAccess(token, cert.certificatePem(), cert.privateKeyPem());
  }

  @Override
  public String toString() {
    return "AgentCredentials[(hidden)]";
  }
}
