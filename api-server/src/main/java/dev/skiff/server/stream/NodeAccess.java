package dev.skiff.server.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * How API servers reach node agents: over mutual TLS. The API server verifies the agent's serving
 * certificate against the cluster's agent CA (and its name against the Node's address, as
 * kube-apiserver does with {@code --kubelet-certificate-authority}) and presents its client
 * certificate ({@code skiff-apiserver}, signed by that CA, as kube-apiserver's {@code
 * --kubelet-client-certificate}); agents accept nothing else. The key exists on API servers only.
 *
 * @param clientCertificatePem the API server's client certificate, PEM
 * @param clientKeyPem its PKCS#8 key, PEM
 * @param authorityPem the agent CA's certificate, PEM
 */
public record NodeAccess(String clientCertificatePem, String clientKeyPem, String authorityPem) {

  public NodeAccess {
    if (clientCertificatePem == null
        || clientCertificatePem.isEmpty()
        || clientKeyPem == null
        || clientKeyPem.isEmpty()) {
      throw new IllegalArgumentException("the API server's client certificate is required");
    }
    if (authorityPem == null || authorityPem.isEmpty()) {
      throw new IllegalArgumentException("the agent CA is required");
    }
  }

  /** The client options for HTTP requests to agents, given whether there is an access at all. */
  public static HttpClientOptions clientOptions(NodeAccess access) {
    HttpClientOptions options = new HttpClientOptions().setKeepAlive(false);
    return access == null
        ? options
        : options
            .setSsl(true)
            .setTrustOptions(access.trust())
            .setKeyCertOptions(access.keyCert())
            .setVerifyHost(true);
  }

  /** The options for raw connections to agents (upgrades), given whether there is an access. */
  static NetClientOptions netClientOptions(NodeAccess access) {
    NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000);
    return access == null
        ? options
        : options
            .setSsl(true)
            .setTrustOptions(access.trust())
            .setKeyCertOptions(access.keyCert())
            .setHostnameVerificationAlgorithm("HTTPS");
  }

  private PemTrustOptions trust() {
    return new PemTrustOptions().addCertValue(Buffer.buffer(authorityPem));
  }

  private PemKeyCertOptions keyCert() {
    return new PemKeyCertOptions()
        .setCertValue(Buffer.buffer(clientCertificatePem))
        .setKeyValue(Buffer.buffer(clientKeyPem));
  }

  @Override
  public String toString() {
    return "NodeAccess[key=(hidden)]";
  }
}
