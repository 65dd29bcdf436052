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
   * What a node gets: its own credential (a node token, user {@code system:node:NAME}), the agent's
   * TLS serving certificate and key, signed by the cluster CA (which the API servers trust when
   * they dial agents, and whose {@code skiff-apiserver} client certificates the agent accepts
   * alone), and the Service range (kube-dns is its 10th address). Nothing in it lets a node act as
   * an API server towards another node's agent.
   */
  public record AgentGrant(
      String token, String servingCertificate, String servingKey, String serviceCidr) {
    @Override
    public String toString() {
      return "AgentGrant[" + serviceCidr + ", tokens=(hidden)]";
    }
  }

  /**
   * What a server replica gets: everything the replicas share (the store's cluster name and
   * members, the CA with its key, the admin token, the Service range). A replica issues its own
   * client certificate for agents from the CA.
   */
  public record ServerGrant(
      String clusterName,
      List<String> members,
      String caCertificate,
      String caKey,
      String adminToken,
      String serviceCidr) {
    @Override
    public String toString() {
      return "ServerGrant[" + members + ", " + serviceCidr + ", secrets=(hidden)]";
    }
  }
}
