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
 * The cluster's credentials between API servers and node agents (mutual TLS), made when the cluster
 * is created and kept in its data directory (mode 0600; never logged): the agent CA ({@code
 * data/agent-ca.crt}, {@code data/agent-ca.key}), which signs each agent's TLS serving certificate
 * and the API server's client certificate, and which both sides trust alone (as kube-apiserver's
 * {@code --kubelet-certificate-authority} and a kubelet's {@code --client-ca-file}); and that
 * client certificate ({@code data/apiserver-kubelet-client.crt}, {@code .key}; common name {@value
 * AgentAccess#API_SERVER_CLIENT}), which only API servers hold. {@code skiff server} keeps the same
 * pair with the cluster CA as the authority ({@link #apiServerClient}). Blocking.
 *
 * @param authority the agent CA
 * @param apiServerClient the API server's client certificate, signed by the agent CA
 */
public record AgentCredentials(ServingCertificate authority, ServingCertificate apiServerClient) {
  static final String CLIENT_CERT = "apiserver-kubelet-client.crt";
  static final String CLIENT_KEY = "apiserver-kubelet-client.key";

  /** The cluster's credentials, created on first use. */
  public static AgentCredentials load(Path dataDir) throws IOException {
    PrivateFiles.createDirectories(dataDir);
    ServingCertificate authority = authority(dataDir);
    return new AgentCredentials(authority, apiServerClient(dataDir, authority));
  }

  /**
   * The secret kept in {@code file} or, the first time, {@code bytes} random bytes as hex, written
   * there mode 0600 (the admin token).
   */
  public static String secretFile(Path file, int bytes) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).strip();
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

  /**
   * The API server's client certificate for agents kept in {@code dir}, issued by {@code authority}
   * (and saved, 0600) the first time.
   */
  public static ServingCertificate apiServerClient(Path dir, ServingCertificate authority)
      throws IOException {
    Path cert = dir.resolve(CLIENT_CERT);
    Path key = dir.resolve(CLIENT_KEY);
    if (Files.exists(cert) && Files.exists(key)) {
      return new ServingCertificate(Files.readString(cert), Files.readString(key));
    }
    ServingCertificate client = authority.issueClient(AgentAccess.API_SERVER_CLIENT);
    PrivateFiles.writeString(key, client.privateKeyPem());
    PrivateFiles.writeString(cert, client.certificatePem());
    return client;
  }

  /** What API servers present to agents and how they verify them. */
  public NodeAccess nodeAccess() {
    return nodeAccess(apiServerClient, authority.certificatePem());
  }

  /** API servers' access to agents: {@code client} presented, {@code authorityPem} trusted. */
  public static NodeAccess nodeAccess(ServingCertificate client, String authorityPem) {
    return new NodeAccess(client.certificatePem(), client.privateKeyPem(), authorityPem);
  }

  /** A node agent's access: a serving certificate for its address from the CA, which it trusts. */
  public AgentAccess forNode(String nodeName, String address) {
    ServingCertificate cert =
        authority.issue("skiff-node-agent " + nodeName, List.of(address, nodeName, "127.0.0.1"));
    return new AgentAccess(authority.certificatePem(), cert.certificatePem(), cert.privateKeyPem());
  }

  @Override
  public String toString() {
    return "AgentCredentials[(hidden)]";
  }
}
