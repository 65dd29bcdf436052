package dev.skiff.cli.machine;

import java.util.List;

/** The bodies of {@code POST /skiff/v1/join}: what a machine asks, what it is given. */
public final class JoinMessages {
  public static final String CACERTS_PATH = "/skiff/v1/cacerts";
  public static final String JOIN_PATH = "/skiff/v1/join";
  public static final String AGENT = "agent";
  public static final String SERVER = "server";

  private JoinMessages() {}

  /**
   * @param role {@value #AGENT} or {@value #SERVER}
   * @param name the node's name (agents)
   * @param address the node agent's address (agents): its serving certificate names it
   */
  public record Request(String role, String name, String address) {}

  /**
   * What a node gets: its own credential (a node token, user {@code system:node:NAME}), the
   * cluster's agent-access token (which its agent accepts from the API servers), the agent's TLS
   * serving certificate and key, signed by the cluster CA (which the API servers trust when they
   * dial agents), and the Service range (kube-dns is its 10th address).
   */
  public record AgentGrant(
      String token,
      String agentToken,
      String servingCertificate,
      String servingKey,
      String serviceCidr) {
    @Override
    public String toString() {
      return "AgentGrant[" + serviceCidr + ", tokens=(hidden)]";
    }
  }

  /**
   * What a server replica gets: everything the replicas share (the store's cluster name and
   * members, the CA with its key, the admin and agent-access tokens, the Service range).
   */
  public record ServerGrant(
      String clusterName,
      List<String> members,
      String caCertificate,
      String caKey,
      String adminToken,
      String agentToken,
      String serviceCidr) {
    @Override
    public String toString() {
      return "ServerGrant[" + members + ", " + serviceCidr + ", secrets=(hidden)]";
    }
  }
}
