package dev.skiff.agent.access;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * Who may use the node agent's port, and how it proves itself: the agent serves TLS with {@code
 * certificatePem}/{@code privateKeyPem} and asks every client for a certificate; exec, attach,
 * port-forward, logs and stats are served only to a client certificate signed by {@code
 * clientAuthorityPem} for {@value #API_SERVER_CLIENT} with extKeyUsage clientAuth, which only API
 * servers hold (as a kubelet's {@code --client-ca-file}). A certificate from another CA fails the
 * handshake; a connection without one is answered 401 ({@link AgentAuth}).
 *
 * @param clientAuthorityPem the CA that signs the API servers' client certificates, PEM
 * @param certificatePem the agent's serving certificate (and chain), PEM
 * @param privateKeyPem its key, PEM
 */
public record AgentAccess(String clientAuthorityPem, String certificatePem, String privateKeyPem) {
  /** The common name of the client certificate API servers present to agents. */
  public static final String API_SERVER_CLIENT = "skiff-apiserver";

  public AgentAccess {
    if (clientAuthorityPem == null || !clientAuthorityPem.contains("BEGIN CERTIFICATE")) {
      throw new IllegalArgumentException("the CA of the API servers' client certificates");
    }
  }

  /** TLS on the agent's server options, asking for (and verifying) client certificates. */
  public HttpServerOptions applyTo(HttpServerOptions options) {
    return options
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificatePem))
                .setKeyValue(Buffer.buffer(privateKeyPem)))
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(clientAuthorityPem)))
        .setClientAuth(ClientAuth.REQUEST);
  }

  @Override
  public String toString() {
    return "AgentAccess[key=(hidden)]";
  }
}
