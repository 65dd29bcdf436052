package dev.skiff.server.stream;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;

/**
 * How API servers reach node agents: over TLS, presenting the cluster's agent-access token (which
 * only API servers hold; never the admin token). Like kube-apiserver without {@code
 * --kubelet-certificate-authority}, the agents' serving certificates are not verified: agents are
 * found through their Node's address, which only the cluster writes.
 */
public record NodeAccess(String token) {

  public NodeAccess {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("an agent-access token is required");
    }
  }

  /** The client options for connections to agents, given whether there is an access at all. */
  public static HttpClientOptions clientOptions(NodeAccess access) {
    HttpClientOptions options = new HttpClientOptions().setKeepAlive(false);
    return access == null ? options : options.setSsl(true).setTrustAll(true).setVerifyHost(false);
  }

  /** Adds the credential to a request for an agent (nothing without an access). */
  public static RequestOptions authorize(NodeAccess access, RequestOptions request) {
    return access == null
        ? request
        : request.putHeader("Authorization", "Bearer " + access.token());
  }

  @Override
  public String toString() {
    return "NodeAccess[token=(hidden)]";
  }
}
