package dev.skiff.agent.access;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who may use the node agent's port, and how it proves itself: the agent serves TLS with {@code
 * certificatePem}/{@code privateKeyPem} and accepts exec, attach, port-forward and logs only with
 * {@code Authorization: Bearer <token>}, where the token is the cluster's agent-access token that
 * only API servers hold (generated at cluster creation, stored 0600, never the admin token).
 */
public record AgentAccess(String token, String certificatePem, String privateKeyPem) {

  public AgentAccess {
    if (token == null || token.length() < 16) {
      throw new IllegalArgumentException("an agent-access token of at least 16 characters");
    }
  }

  /** Reads the token from a file (as written by the cluster: one line, mode 0600). */
  public static String readToken(Path file) throws IOException {
    return Files.readString(file).strip();
  }

  /** TLS on the agent's server options. */
  public HttpServerOptions applyTo(HttpServerOptions options) {
    return options
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificatePem))
                .setKeyValue(Buffer.buffer(privateKeyPem)));
  }

  @Override
  public String toString() {
    return "AgentAccess[token=(hidden)]";
  }
}
