package dev.skiff.cli.machine;

import dev.skiff.api.Json;
import dev.skiff.api.files.PrivateFiles;
import dev.skiff.cli.embedded.AgentCredentials;
import dev.skiff.server.auth.ClusterCa;
import dev.skiff.server.cluster.ClusterSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a server replica keeps in its data directory (0700; every file 0600): the cluster CA ({@code
 * ca.crt}, {@code ca.key}), the store's cluster name ({@code cluster-name}), the admin token
 * ({@code token}), the agent-access token ({@code agent-token}), the join token ({@code
 * join-token}, on the first server), the admin kubeconfig ({@code kubeconfig}) and {@code
 * server.json} (the Service range and the store members known when it joined). A replica that has
 * these restarts without joining again. Blocking.
 */
final class ServerState {
  static final String JOIN_TOKEN = "join-token";
  static final String KUBECONFIG = "kubeconfig";
  private static final String SETTINGS = "server.json";

  /** The saved part that is not a secret. */
  record Settings(String serviceCidr, List<String> members) {}

  private final Path dir;

  ServerState(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  boolean initialized() {
    return Files.exists(dir.resolve(SETTINGS));
  }

  /** The first server: a new CA, cluster name, tokens. */
  void create(String serviceCidr) throws IOException {
    PrivateFiles.createDirectories(dir);
    ClusterCa ca = ClusterCa.loadOrCreate(dir);
    ClusterSecret.of(dir);
    AgentCredentials.secretFile(dir.resolve("token"), 24);
    AgentCredentials.secretFile(dir.resolve("agent-token"), 32);
    PrivateFiles.writeString(
        dir.resolve(JOIN_TOKEN), JoinToken.create(ca.fingerprint()).text() + "\n");
    PrivateFiles.writeString(
        dir.resolve(SETTINGS), Json.toString(new Settings(serviceCidr, List.of())));
  }

  /** A replica that joined: what the cluster granted it. */
  void save(JoinMessages.ServerGrant grant) throws IOException {
    PrivateFiles.createDirectories(dir);
    new ClusterCa(grant.caCertificate(), grant.caKey()).save(dir);
    PrivateFiles.writeString(dir.resolve("cluster-name"), grant.clusterName());
    PrivateFiles.writeString(dir.resolve("token"), grant.adminToken());
    PrivateFiles.writeString(dir.resolve("agent-token"), grant.agentToken());
    PrivateFiles.writeString(
        dir.resolve(SETTINGS), Json.toString(new Settings(grant.serviceCidr(), grant.members())));
  }

  Settings settings() throws IOException {
    return Json.parse(Files.readAllBytes(dir.resolve(SETTINGS)), Settings.class);
  }

  ClusterCa ca() throws IOException {
    return ClusterCa.loadOrCreate(dir);
  }

  String clusterName() throws IOException {
    return ClusterSecret.of(dir);
  }

  String adminToken() throws IOException {
    return AgentCredentials.secretFile(dir.resolve("token"), 24);
  }

  String agentToken() throws IOException {
    return AgentCredentials.secretFile(dir.resolve("agent-token"), 32);
  }

  /** The join token, on the server that made the cluster (or after a rotation there). */
  JoinToken joinToken() throws IOException {
    Path file = dir.resolve(JOIN_TOKEN);
    return Files.exists(file)
        ? JoinToken.parse(Files.readString(file, StandardCharsets.US_ASCII))
        : null;
  }

  void saveJoinToken(JoinToken token) throws IOException {
    PrivateFiles.writeString(dir.resolve(JOIN_TOKEN), token.text() + "\n");
  }
}
