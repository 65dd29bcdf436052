package dev.skiff.server.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * How API servers reach node agents: over TLS, verifying the agent's serving certificate against
 * the cluster's agent CA (and its name against the Node's address, as kube-apiserver does with
 * {@code --kubelet-certificate-authority}), and presenting the cluster's agent-access token (which
 * only API servers hold; never the admin token).
 *
 * @param token the agent-access token
 * @param authorityPem the agent CA's certificate, PEM
 */
public record NodeAccess(String token, String authorityPem) {

  public NodeAccess {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("an agent-access token is required");
    }
    if (authorityPem == null || authorityPem.isEmpty()) {
      throw new IllegalArgumentException("the agent CA is required");
    }
  }

  /** The value of the {@code Authorization} header for agents. */
  public String authorization() {
    return "Bearer " + token;
  }

  /** The client options for HTTP requests to agents, given whether there is an access at all. */
  public static HttpClientOptions clientOptions(NodeAccess access) {
    HttpClientOptions options = new HttpClientOptions().setKeepAlive(false);
    return access == null
        ? options
        : options.setSsl(true).setTrustOptions(access.trust()).setVerifyHost(true);
  }

  /** The options for raw connections to agents (upgrades), given whether there is an access. */
  static NetClientOptions netClientOptions(NodeAccess access) {
    NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000);
    return access == null
        ? options
        : options
            .setSsl(true)
            .setTrustOptions(access.trust())
            .setHostnameVerificationAlgorithm("HTTPS");
  }

  private PemTrustOptions trust() {
    return new PemTrustOptions().addCertValue(Buffer.buffer(authorityPem));
  }

  /** Adds the credential to a request for an agent (nothing without an access). */
  public static RequestOptions authorize(NodeAccess access, RequestOptions request) {
    return access == null ? request : request.putHeader("Authorization", access.authorization());
  }

  @Override
  public String toString() {
    return "NodeAccess[token=(hidden)]";
  }
}
