package dev.skiff.agent.access;

import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The node agent's gate. With an {@link AgentAccess}, every path but {@code /healthz} and {@code
 * /metrics} needs the API servers' client certificate: verified against the access's client CA by
 * the TLS handshake (a certificate from another CA never gets this far), for {@value
 * AgentAccess#API_SERVER_CLIENT}, with extKeyUsage clientAuth (so an agent's serving certificate
 * from the same CA does not pass). Without one the answer is 401. Without an access, nothing that
 * runs a command or joins a process is served at all (403), and logs stay as they were.
 */
public final class AgentAuth implements Handler<RoutingContext> {
  private static final Set<String> OPEN = Set.of("/healthz", "/metrics");
  private static final Set<String> RUNS_COMMANDS = Set.of("exec", "attach", "portForward", "run");
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private final boolean secured;

  /**
   * @param access the cluster's agent credential, or null
   */
  public AgentAuth(AgentAccess access) {
    this.secured = access != null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (OPEN.contains(path)) {
      ctx.next();
    } else if (!secured) {
      if (RUNS_COMMANDS.contains(firstSegment(path))) {
        ctx.fail(
            new StatusException(
                Status.failure(
                    403,
                    "Forbidden",
                    "this node agent has no agent-access credential: it serves no exec, attach"
                        + " or port-forward",
                    null)));
      } else {
        ctx.next();
      }
    } else if (isApiServer(ctx.request().sslSession())) {
      ctx.next();
    } else {
      ctx.fail(StatusException.unauthorized());
    }
  }

  /** Whether the session's verified client certificate is the API servers'. */
  static boolean isApiServer(SSLSession session) {
    if (session == null) {
      return false;
    }
    try {
      if (!(session.getPeerCertificates()[0] instanceof X509Certificate client)) {
        return false;
      }
      List<String> usages = client.getExtendedKeyUsage();
      return ("CN=" + AgentAccess.API_SERVER_CLIENT)
              .equals(client.getSubjectX500Principal().getName())
          && usages != null
          && usages.contains(CLIENT_AUTH);
    } catch (SSLPeerUnverifiedException | CertificateParsingException e) {
      return false;
    }
  }

  private static String firstSegment(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    return end < 0 ? path.substring(start) : path.substring(start, end);
  }
}
